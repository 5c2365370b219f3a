/** The version handshake: this page and the server speak different schema versions. */
export const schema = {
  reload:
    'This board was updated to a newer version while this page was open: reload to carry on, and your unsent changes will be kept.',
  newer:
    'This page is newer than the server, which may be in the middle of an update: reload in a minute to carry on.',
  reloadButton: 'Reload',
}
