import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Lock, Send } from 'lucide-react';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import './chat.css';

const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Group chat and a private line to the facilitators. Messages live only in this page. */
export function ChatPanel({ session, state, facilitator }: { session: ModeratedSession; state: ModeratedState; facilitator: boolean }) {
  const [text, setText] = useState('');
  const [to, setTo] = useState<'everyone' | 'facilitators'>('everyone');
  const id = useId();
  const log = useRef<HTMLOListElement>(null);
  const chatOn = state.view && 'chatEnabled' in state.view ? state.view.chatEnabled : false;
  const target = !facilitator && !chatOn ? 'facilitators' : to;

  // The newest message in view, as in any chat, unless the reader has scrolled up to read back.
  const count = state.chat.length;
  useEffect(() => {
    const el = log.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [count]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && (await session.sendChat(target, text.trim()))) setText('');
  };

  return (
    <section className="chat-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="chat-title">
        Chat
      </h2>
      {state.chat.length === 0 ? (
        <p className="muted chat-empty">No messages yet. Messages are gone when the session ends.</p>
      ) : (
        <ol className="chat-messages" data-testid="chat-log" ref={log} tabIndex={0} aria-label="Conversation">
          {state.chat.map((m) => (
            <li key={`${m.at}-${m.fromId}-${m.text.length}`} className={m.to === 'facilitators' ? 'chat-message chat-private' : 'chat-message'}>
              <p className="chat-meta">
                <strong>{m.fromName}</strong>
                {m.to === 'facilitators' && (
                  <span className="badge">
                    <Lock aria-hidden="true" /> to facilitators
                  </span>
                )}
                <time className="muted" dateTime={new Date(m.at).toISOString()}>
                  {clockTime(m.at)}
                </time>
              </p>
              <p className="chat-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      {facilitator && !chatOn && <p className="field-hint">Group chat is off for participants; they can still write to the facilitators.</p>}
      {!chatOn && !facilitator && <p className="field-hint">Group chat is off. You can still write privately to your facilitators.</p>}
      <form className="chat-form" onSubmit={(e) => void submit(e)}>
        {!facilitator && chatOn && (
          <div className="field">
            <label htmlFor={`${id}-to`}>Send to</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value as 'everyone' | 'facilitators')}>
              <option value="everyone">Everyone</option>
              <option value="facilitators">Facilitators only</option>
            </select>
          </div>
        )}
        <div className="chat-compose">
          <input aria-label="Message" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
            <Send aria-hidden="true" /> Send
          </button>
        </div>
      </form>
    </section>
  );
}
