import { text } from './localize'

/** The default Community Commitments every template starts from; facilitators can edit them in the session. */
export const DEFAULT_COMMITMENTS = [
  text(
    'We listen to understand, and let one person speak at a time.',
    '我们用心倾听、努力理解，一次只让一个人发言。',
  ),
  text(
    'Stories shared here belong to the people who tell them: we ask before we share them outside this room.',
    '在这里分享的故事属于讲述它们的人：要在这个房间之外分享，我们会先征得同意。',
  ),
  text(
    'What is said here stays here; what is learned here can leave.',
    '在这里说的话留在这里；在这里学到的东西可以带走。',
  ),
  text(
    'Everyone can take part in the way that works for them — writing, drawing, speaking or just listening.',
    '每个人都可以用适合自己的方式参与——写、画、说，或者只是倾听。',
  ),
  text(
    'We challenge harmful words or behaviour, and we do it with care.',
    '我们会指出伤害他人的言语或行为，并且以关怀的方式去做。',
  ),
  text(
    'Anyone can pause, step out or pass, without needing to explain.',
    '任何人都可以暂停、离开一会儿或选择不发言，无需解释。',
  ),
  text(
    'We credit people for their ideas, or keep them anonymous when they ask.',
    '我们为每个人的想法注明出处；如果本人希望，也可以保持匿名。',
  ),
]
