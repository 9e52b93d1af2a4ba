import { useState, type FormEvent } from 'react';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';

/** Group chat and a private line to the facilitators. Messages live only in this page. */
export function ChatPanel({ session, state, facilitator }: { session: ModeratedSession; state: ModeratedState; facilitator: boolean }) {
  const [text, setText] = useState('');
  const [to, setTo] = useState<'everyone' | 'facilitators'>('everyone');
  const chatOn = state.view && 'chatEnabled' in state.view ? state.view.chatEnabled : false;
  const target = !facilitator && !chatOn ? 'facilitators' : to;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && (await session.sendChat(target, text.trim()))) setText('');
  };

  return (
    <section className="chat" aria-label="Chat">
      <h2>Chat</h2>
      <ol className="chat-log" data-testid="chat-log">
        {state.chat.map((m) => (
          <li key={`${m.at}-${m.fromId}-${m.text.length}`} className={m.to === 'facilitators' ? 'private' : undefined}>
            <strong>{m.fromName}</strong>
            {m.to === 'facilitators' && <span className="quiet-text"> (to facilitators)</span>}: {m.text}
          </li>
        ))}
      </ol>
      {!chatOn && !facilitator && <p className="quiet-text">Group chat is off. You can still write privately to your facilitators.</p>}
      <form onSubmit={(e) => void submit(e)}>
        {!facilitator && chatOn && (
          <select aria-label="Send to" value={to} onChange={(e) => setTo(e.target.value as 'everyone' | 'facilitators')}>
            <option value="everyone">Everyone</option>
            <option value="facilitators">Facilitators only</option>
          </select>
        )}
        <input aria-label="Message" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
