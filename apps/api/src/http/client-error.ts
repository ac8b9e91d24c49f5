import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const answers: Record<string, { status: number; text: string; reason: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: 'Request Header Fields Too Large',
    reason: 'the request line and headers together exceed the limit (16 KB)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    text: 'Request Timeout',
    reason: 'the request did not arrive in time',
  },
};
const malformed = { status: 400, text: 'Bad Request', reason: 'is not a valid HTTP/1.1 request' };

/**
 * Node's HTTP parser refuses some requests before Express sees them (a URL or headers over
 * 16 KB, a malformed request line or header); without this they get a bare status line.
 * Like every other refusal, they are answered with application/problem+json.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })
      ._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || inProgress) {
      socket.destroy();
      return;
    }
    const answer =
      answers[error.code ?? ''] ?? (error.code?.startsWith('HPE_') ? malformed : undefined);
    if (!answer) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      type: '/problems/invalid-input',
      title: answer.text,
      status: answer.status,
      detail: `The request was refused: ${answer.reason}`,
      errors: [{ field: 'header', reason: answer.reason }],
    });
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.text}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
