import { AppError } from '@app/domain';
import type { AuditService } from '../audit/audit.service';
import { isProcessOwner, type Principal } from '../auth/principal';

/**
 * Monitoring and reports are the processägare's: anyone else gets 403, and the refused
 * attempt is written to the audit log (these views are built from patients' stays).
 */
export async function requireProcessOwner(
  principal: Principal,
  audit: AuditService,
  action: string,
): Promise<void> {
  if (isProcessOwner(principal)) return;
  await audit.denied(principal, action, { unitId: principal.unitIds[0] ?? null });
  throw AppError.forbidden('Only processägare follow the process in monitoring and reports');
}
