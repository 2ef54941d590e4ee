export function readDoc(): never { throw new Error('todo'); }
