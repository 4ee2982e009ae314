package slackbot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
)

// defaultStreamInterval is how often a growing answer is redrawn: Slack
// allows chat.update about once a second per message.
const defaultStreamInterval = time.Second

// streamer shows an answer while the model writes it: the first partial
// text is posted as a placeholder, later ones replace it at most once per
// interval (only the newest is drawn). The final answer then replaces the
// placeholder in full.
type streamer struct {
	b        *Bot
	ctx      context.Context
	q        question
	interval time.Duration

	// status: the thread shows the working status (assistant.threads
	// setStatus), where the steps go until the placeholder replaces it.
	status bool

	mu      sync.Mutex
	latest  string
	ts      string   // the placeholder, once posted
	loading []string // loading messages for the status, not yet sent

	wake chan struct{}
	stop chan struct{}
	done chan struct{}

	// native, when set, streams the answer with Slack's streaming methods
	// (nativestream.go) and the fields above are unused.
	native *nativeStream
}

// newStreamer streams natively where the workspace allows it, else draws
// with chat.update; status says the thread shows the working status.
func (b *Bot) newStreamer(ctx context.Context, q question, status bool) *streamer {
	s := &streamer{b: b, ctx: ctx, q: q, interval: b.opt.StreamInterval, status: status && b.hasModel,
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	if s.interval <= 0 {
		s.interval = defaultStreamInterval
	}
	if s.native = b.startNative(ctx, q); s.native != nil {
		return s
	}
	go s.loop()
	return s
}

// deliver puts msgs (a notice) where the answer goes.
func (s *streamer) deliver(ctx context.Context, placeholder string, msgs []Message) error {
	if s.native != nil {
		return s.native.replace(ctx, msgs)
	}
	return s.b.deliver(ctx, s.q, placeholder, msgs)
}

// deliverAnswer ends the answer: the stream is completed with the sources
// and feedback buttons, or the placeholder replaced by the rendered answer.
func (s *streamer) deliverAnswer(ctx context.Context, placeholder string, ans brief.Answer, id int64) error {
	if s.native != nil {
		return s.native.deliverAnswer(ctx, ans, id)
	}
	return s.b.deliver(ctx, s.q, placeholder, renderAnswer(ans, answerView{ID: id, Markdown: true}))
}

// partial takes the answer so far; it never blocks the model's stream.
func (s *streamer) partial(text string) {
	if s.native != nil {
		s.native.partial(text)
		return
	}
	s.mu.Lock()
	s.latest = text
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// step takes a step of the answer (brief.Request.OnStep): task updates in
// a native stream; else, while the thread shows the working status and no
// text yet, the status's loading messages say what is being read (the
// search is in the first ones; writing replaces the status with text).
func (s *streamer) step(st brief.Step) {
	if s.native != nil {
		s.native.onStep(st)
		return
	}
	if !s.status || st.Kind != brief.StepRead {
		return
	}
	s.mu.Lock()
	s.loading = []string{readTitle("Reading", st.Sources) + "…", "Checking each claim against its source…", "Writing the answer…"}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *streamer) loop() {
	defer close(s.done)
	for {
		select {
		case <-s.stop:
			return
		case <-s.wake:
		}
		s.mu.Lock()
		text, loading := s.latest, s.loading
		s.loading = nil
		drawn := s.ts != ""
		s.mu.Unlock()
		if loading != nil && text == "" && !drawn {
			if err := s.b.setStatus(s.ctx, s.q.channel, s.q.threadTS, workingStatus, loading); err != nil {
				s.b.log.Debug("thread status not updated", s.q.logArgs("err", err)...)
			}
		}
		if text == "" {
			continue
		}
		s.draw(text)
		t := time.NewTimer(s.interval)
		select {
		case <-s.stop:
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// draw posts or updates the placeholder. A failure is only logged: the
// final answer is posted anyway.
func (s *streamer) draw(text string) {
	// The body is Markdown in a markdown block, as the final answer will be
	// (markdown.go); the fallback text is mrkdwn, never the raw model text.
	parts := splitMrkdwn(markdownText(text), maxMarkdownBytes-20)
	body := parts[0]
	if len(parts) > 1 {
		body += " …"
	}
	fb := splitMrkdwn(mrkdwn(text), fallbackLen)[0]
	m := Message{Text: fb, Blocks: []slack.Block{markdownBlock(body), contextLine(":hourglass_flowing_sand: writing…")}}
	s.mu.Lock()
	ts := s.ts
	s.mu.Unlock()
	if ts == "" {
		posted, err := s.b.postOne(s.ctx, s.q.channel, s.q.threadTS, m)
		if err != nil {
			s.b.log.Warn("streaming placeholder not posted", s.q.logArgs("err", err)...)
			return
		}
		s.mu.Lock()
		s.ts = posted
		s.mu.Unlock()
		return
	}
	if err := s.b.updateOne(s.ctx, s.q.channel, ts, m); err != nil {
		s.b.log.Debug("streaming update failed", s.q.logArgs("err", err)...)
	}
}

// finish stops drawing and returns the placeholder's ts ("" if none).
func (s *streamer) finish() string {
	if s.native != nil {
		return s.native.finish()
	}
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ts
}

// postOne posts one message and returns its ts, waiting out rate limits.
func (b *Bot) postOne(ctx context.Context, channel, threadTS string, m Message) (string, error) {
	opts := append(outgoing(m), slack.MsgOptionDisableLinkUnfurl())
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	_, ts, err := b.api.PostMessageContext(ctx, channel, opts...)
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("chat.postMessage").Inc()
		return "", fmt.Errorf("chat.postMessage: %w", err)
	}
	return ts, nil
}

// updateOne replaces a message the bot posted, waiting out rate limits.
func (b *Bot) updateOne(ctx context.Context, channel, ts string, m Message) error {
	_, _, _, err := b.api.UpdateMessageContext(ctx, channel, ts, outgoing(m)...)
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("chat.update").Inc()
		return fmt.Errorf("chat.update: %w", err)
	}
	return nil
}

// deliver puts msgs where the answer goes: into the placeholder when there
// is one (the rest after it in the thread), else as new messages.
func (b *Bot) deliver(ctx context.Context, q question, placeholder string, msgs []Message) error {
	if placeholder != "" {
		if err := b.updateOne(ctx, q.channel, placeholder, msgs[0]); err != nil {
			return err
		}
		msgs = msgs[1:]
	}
	for _, m := range msgs {
		if _, err := b.postOne(ctx, q.channel, q.threadTS, m); err != nil {
			return err
		}
	}
	return nil
}
