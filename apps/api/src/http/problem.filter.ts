import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '@app/domain';
import { fromInfrastructureError } from '@app/stay-commands';
import {
  problemFromAppError,
  problemFromBodyParserError,
  problemFromHttpException,
  type ProblemDetails,
} from './problem';

/**
 * The HTTP edge: every error leaves as application/problem+json. Transport-neutral
 * AppErrors map by kind; anything unexpected is a 500 without internals (no stack traces).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request.originalUrl.split('?')[0] ?? '');
    if (problem.status >= 500 && problem.status !== 503)
      this.logger.error(
        `Unhandled ${exception instanceof Error ? exception.name : 'error'} on ${request.method} ${problem.instance ?? ''}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    const appError = exception instanceof AppError ? exception : fromInfrastructureError(exception);
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (appError?.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(appError.retryAfterSeconds));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof AppError) return problemFromAppError(exception, instance);
    const infrastructure = fromInfrastructureError(exception);
    if (infrastructure) return problemFromAppError(infrastructure, instance);
    if (exception instanceof HttpException) return problemFromHttpException(exception, instance);
    const bodyParser = problemFromBodyParserError(exception, instance);
    if (bodyParser) return bodyParser;
    return {
      type: '/problems/internal',
      title: 'Internt fel',
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
      instance,
    };
  }
}
