/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WritableStream, label: string): { update(done: number, total: number): void; finish(): void } {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  let drawn = false;
  return {
    update(done, total) {
      if (!tty || total === 0) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
