import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Public } from '../auth/auth.guard';
import { renderDocsPage } from './docs.page';
import { openApiDocument } from './openapi';
import { routeDocs } from './routes';

/** The API's documentation: OpenAPI 3.1 generated from the zod schemas, and a page to read. */
@Public()
@Controller('docs')
export class DocsController {
  private readonly document: Record<string, unknown>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.document = openApiDocument(routeDocs, config.AUTH_MODE);
  }

  @Get('openapi.json')
  openApi() {
    return this.document;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  page() {
    return renderDocsPage(this.document);
  }
}
