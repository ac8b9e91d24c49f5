import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint; counts only, no patient data, so no token (restrict by network). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
