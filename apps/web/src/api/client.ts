/** A small fetch wrapper: bearer token, JSON, problem+json errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: { field: string; reason: string }[] = [],
  ) {
    super(detail);
  }
}

let token: string | null = sessionStorage.getItem('token');
let onUnauthorised: () => void = () => undefined;

export function setToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem('token', value);
  else sessionStorage.removeItem('token');
}
export const currentToken = () => token;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

interface Options {
  method?: string;
  body?: unknown;
  idempotencyKey?: string;
  accept?: string;
}

export async function apiFetch(path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (response.status === 401) onUnauthorised();
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      errors?: { field: string; reason: string }[];
    };
    throw new ApiError(response.status, problem.detail ?? response.statusText, problem.errors);
  }
  return response;
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const response = await apiFetch(path, options);
  return (await response.json()) as T;
}

export const newKey = () => crypto.randomUUID();
