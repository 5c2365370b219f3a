/** The default Community Commitments every template starts from; facilitators can edit them in the session. */
export const DEFAULT_COMMITMENTS: readonly string[] = [
  'We listen to understand, and let one person speak at a time.',
  'Stories shared here belong to the people who tell them: we ask before we share them outside this room.',
  'What is said here stays here; what is learned here can leave.',
  'Everyone can take part in the way that works for them — writing, drawing, speaking or just listening.',
  'We challenge harmful words or behaviour, and we do it with care.',
  'Anyone can pause, step out or pass, without needing to explain.',
  'We credit people for their ideas, or keep them anonymous when they ask.',
]
