/** The `format` field every JSON export carries; the home page checks it before uploading a file. */
export const EXPORT_FORMAT = 'workshop-whiteboard/session'
