export function readPdf(): never { throw new Error('todo'); }
