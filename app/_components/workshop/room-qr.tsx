/** Where phones join a room, and how its code is shown; the QR code itself is app/_components/qr-code. */

/** The address a phone opens to join: the room code in the path, nothing secret. */
export function joinUrl(origin: string, roomCode: string): string {
  return `${origin}/w/${roomCode}`;
}

/** "ABC 23K": the code in two halves of three, easier to read off a wall and to type. */
export function spacedCode(roomCode: string): string {
  return `${roomCode.slice(0, 3)} ${roomCode.slice(3)}`;
}
