import type {
  ActivityResolvers,
  CallLogActivityResolvers,
  ChatTranscriptActivityResolvers,
  NoteActivityResolvers,
} from '../__generated__/resolvers-types.js';

const typenames = { NOTE: 'NoteActivity', CALL_LOG: 'CallLogActivity', CHAT_TRANSCRIPT: 'ChatTranscriptActivity' } as const;

export const Activity: ActivityResolvers = {
  __resolveType: (activity) => typenames[activity.type],
};

// Type-specific columns are null on other activity types; each type only reads its own.
export const NoteActivity: NoteActivityResolvers = {
  body: (activity) => activity.body ?? '',
};

export const CallLogActivity: CallLogActivityResolvers = {
  callId: (activity) => activity.callId ?? '',
  durationSeconds: (activity) => activity.durationSeconds ?? 0,
  disposition: (activity) => activity.disposition ?? '',
};

export const ChatTranscriptActivity: ChatTranscriptActivityResolvers = {
  messages: (activity) => activity.messages ?? [],
};
