package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of Slack's streaming methods, as documented: markdown_text is at
// most 12,000 characters a call; the fake also caps what one streamed
// message may hold at that, answering msg_too_long past it, so a bot must
// roll over to a new message.
const (
	MaxStreamCall    = 12000
	MaxStreamMessage = 12000
	MaxStopBlocks    = 50
)

// Stream is one streamed message (chat.startStream) as the fake holds it.
type Stream struct {
	Seq           int64
	Channel       string
	TS            string
	ThreadTS      string
	RecipientUser string
	RecipientTeam string
	Text          string            // every markdown_text appended, in order
	Appends       int               // chat.appendStream calls that were taken
	Chunks        []json.RawMessage // every chunk sent (start, append, stop), in order
	Blocks        json.RawMessage   // from chat.stopStream; nil when none
	Stopped       bool
}

// streamState is the fake's streaming switch and its streams.
type streamState struct {
	refuse  string // "" accepts the streaming methods; else the error answered
	streams []*Stream
}

// WithStreaming makes the fake accept chat.startStream, appendStream and
// stopStream. Without it they are answered unknown_method, as a workspace
// (or an older Slack-compatible server) without them does, so tests
// written for chat.update drawing keep exercising it.
func WithStreaming() Option { return func(s *Server) { s.stream.refuse = "" } }

// RefuseStreaming makes chat.startStream answer {"ok":false,"error":code}
// from now on ("" accepts it again). Streams already started go on.
func (s *Server) RefuseStreaming(code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stream.refuse = code
}

// Streams returns every streamed message, in the order started.
func (s *Server) Streams() []Stream {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Stream, len(s.stream.streams))
	for i, st := range s.stream.streams {
		out[i] = *st
		out[i].Chunks = append([]json.RawMessage(nil), st.Chunks...)
	}
	return out
}

// WaitForStreams waits until n streamed messages have been stopped.
func (s *Server) WaitForStreams(n int, timeout time.Duration) ([]Stream, error) {
	var out []Stream
	stopped := func() int {
		k := 0
		for _, st := range out {
			if st.Stopped {
				k++
			}
		}
		return k
	}
	if !s.Wait(timeout, func() bool { out = s.Streams(); return stopped() >= n }) {
		return out, fmt.Errorf("slacktest: %d of %d stopped streams after %s", stopped(), n, timeout)
	}
	return out, nil
}

func newStreamState() *streamState { return &streamState{refuse: "unknown_method"} }

func (s *Server) findStreamLocked(channel, ts string) *Stream {
	for _, st := range s.stream.streams {
		if st.Channel == channel && st.TS == ts {
			return st
		}
	}
	return nil
}

// streamLocked answers the three streaming methods with their real request
// shapes: channel (and ts after the start), markdown_text and/or chunks,
// recipients outside DMs, blocks at the stop.
func (s *Server) streamLocked(method string, p url.Values) apiResult {
	fail := func(code string) apiResult { return apiResult{status: http.StatusOK, body: errBody(code)} }
	ok := func(f obj) apiResult { return apiResult{status: http.StatusOK, body: okBody(f)} }
	ch := p.Get("channel")
	if ch == "" {
		return fail("channel_not_found")
	}
	text := p.Get("markdown_text")
	if utf8.RuneCountInString(text) > MaxStreamCall {
		return fail("msg_too_long")
	}
	var chunks []json.RawMessage
	if c := p.Get("chunks"); c != "" {
		if err := json.Unmarshal([]byte(c), &chunks); err != nil {
			return fail("invalid_chunks")
		}
		for _, c := range chunks {
			var head struct {
				Type string `json:"type"`
				Text string `json:"text"`
			}
			if json.Unmarshal(c, &head) != nil || head.Type == "" {
				return fail("invalid_chunks")
			}
			if head.Type == "markdown_text" {
				text += head.Text
			}
		}
	}
	if method == "chat.startStream" {
		if s.stream.refuse != "" {
			return fail(s.stream.refuse)
		}
		if !strings.HasPrefix(ch, "D") && (p.Get("recipient_user_id") == "" || p.Get("recipient_team_id") == "") {
			// Outside a DM Slack needs to know whom the stream is for.
			return fail("invalid_arguments")
		}
		st := &Stream{Seq: s.nextSeqLocked(), Channel: ch, TS: s.nextTSLocked(), ThreadTS: p.Get("thread_ts"),
			RecipientUser: p.Get("recipient_user_id"), RecipientTeam: p.Get("recipient_team_id"), Text: text, Chunks: chunks}
		s.stream.streams = append(s.stream.streams, st)
		s.messages = append(s.messages, &Message{Seq: st.Seq, At: time.Now(), Method: method, Channel: ch, TS: st.TS,
			ThreadTS: st.ThreadTS, User: BotUserID, BotID: BotID, Text: text, Params: p})
		return ok(obj{"channel": ch, "ts": st.TS})
	}
	st := s.findStreamLocked(ch, p.Get("ts"))
	m := s.findLocked(ch, p.Get("ts"))
	switch {
	case st == nil || m == nil || m.Deleted:
		return fail("message_not_found")
	case st.Stopped:
		return fail("message_not_in_streaming_state")
	case method == "chat.appendStream" && text == "" && len(chunks) == 0:
		return fail("invalid_arguments")
	case utf8.RuneCountInString(st.Text)+utf8.RuneCountInString(text) > MaxStreamMessage:
		return fail("msg_too_long")
	}
	var blocks string
	if method == "chat.stopStream" {
		if blocks = p.Get("blocks"); blocks != "" {
			var list []json.RawMessage
			if json.Unmarshal([]byte(blocks), &list) != nil {
				return fail("invalid_blocks_format")
			}
			if len(list) > MaxStopBlocks {
				return fail("invalid_blocks")
			}
			if s.strictBlocks && len(list) > 0 && CheckBlocks(json.RawMessage(blocks)) != nil {
				return fail("invalid_blocks")
			}
		}
	}
	st.Text += text
	st.Chunks = append(st.Chunks, chunks...)
	m.Text = st.Text
	switch method {
	case "chat.appendStream":
		st.Appends++
	case "chat.stopStream":
		st.Stopped = true
		st.Blocks = rawOrNil(blocks)
		m.Blocks = st.Blocks
	}
	return ok(obj{"channel": ch, "ts": st.TS})
}

// MaxContextActions is how many elements a context_actions block holds.
const MaxContextActions = 5

// checkContextAction checks an element of a context_actions block: feedback
// buttons (a positive and a negative button, each with plain_text and a
// value) or an icon button.
func checkContextAction(raw json.RawMessage) error {
	var e struct {
		Type     string `json:"type"`
		ActionID string `json:"action_id"`
		Positive *struct {
			Text  *textObj `json:"text"`
			Value string   `json:"value"`
		} `json:"positive_button"`
		Negative *struct {
			Text  *textObj `json:"text"`
			Value string   `json:"value"`
		} `json:"negative_button"`
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return fmt.Errorf("context_actions element: %w", err)
	}
	if utf8.RuneCountInString(e.ActionID) > MaxActionID {
		return fmt.Errorf("action_id longer than %d", MaxActionID)
	}
	switch e.Type {
	case "feedback_buttons":
		for _, b := range []*struct {
			Text  *textObj `json:"text"`
			Value string   `json:"value"`
		}{e.Positive, e.Negative} {
			if b == nil || b.Text == nil || b.Text.Type != "plain_text" || b.Text.Text == "" || b.Value == "" {
				return fmt.Errorf("feedback_buttons needs a positive and a negative button with plain_text and a value")
			}
			if utf8.RuneCountInString(b.Text.Text) > MaxButtonText || utf8.RuneCountInString(b.Value) > MaxButtonValue {
				return fmt.Errorf("feedback button text or value too long")
			}
		}
	case "icon_button":
	default:
		return fmt.Errorf("context_actions element type %q", e.Type)
	}
	return nil
}
