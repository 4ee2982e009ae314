package slackbot

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/slack-go/slack"
)

// The edge: every message the bot sends passes through outgoing, which
// makes whatever the renderers missed inert. Only http(s) links survive as
// markup; mentions, special commands (<!channel>, <!subteam^…>) and other
// links are shown as text. Applying it twice changes nothing.

// sanitizeMrkdwn makes mrkdwn safe to send: a <…> that is not an http(s)
// link loses its "<", a bare & becomes &amp; (entities are kept, so nothing
// is escaped twice), a > that neither closes a link nor starts a quote
// becomes &gt;, and bare broadcast words are split.
func sanitizeMrkdwn(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	plain := func(t string) { b.WriteString(broadcast.ReplaceAllString(t, "@"+wordJoiner+"$1")) }
	lineStart := true
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '&':
			plain(s[from:i])
			rest := s[i:]
			if strings.HasPrefix(rest, "&amp;") || strings.HasPrefix(rest, "&lt;") || strings.HasPrefix(rest, "&gt;") {
				b.WriteByte('&')
			} else {
				b.WriteString("&amp;")
			}
			i++
			from = i
			lineStart = false
			continue
		case c == '<':
			plain(s[from:i])
			if l, n, ok := trustedLink(s[i:]); ok {
				b.WriteString(l)
				i += n
			} else {
				b.WriteString("&lt;")
				i++
			}
			from = i
			lineStart = false
			continue
		case c == '>':
			plain(s[from:i])
			if lineStart {
				b.WriteByte('>')
			} else {
				b.WriteString("&gt;")
			}
			i++
			from = i
			lineStart = false
			continue
		case c == '\n':
			lineStart = true
		case c != ' ' && c != '\t':
			lineStart = false
		}
		i++
	}
	plain(s[from:])
	return b.String()
}

// trustedLink reads a <url> or <url|label> at the start of s whose url is
// an absolute http(s) URL without credentials; the label is sanitized.
func trustedLink(s string) (string, int, bool) {
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return "", 0, false
	}
	inner := s[1:j]
	if strings.ContainsAny(inner, "<\n") {
		return "", 0, false
	}
	target, label, hasLabel := strings.Cut(inner, "|")
	if strings.ContainsAny(target, " \t") {
		return "", 0, false
	}
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		!(strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")) {
		return "", 0, false
	}
	if !hasLabel {
		return s[:j+1], j + 1, true
	}
	label = strings.ReplaceAll(sanitizeMrkdwn(label), "|", "¦")
	return "<" + target + "|" + label + ">", j + 1, true
}

// plainEscaper keeps angle brackets in plain_text objects from ever
// reading as markup.
var plainEscaper = strings.NewReplacer("<", "‹", ">", "›")

// sanitizePlain makes a plain_text object's text inert.
func sanitizePlain(s string) string {
	return broadcast.ReplaceAllString(plainEscaper.Replace(s), "@"+wordJoiner+"$1")
}

// rawBlock is a block already turned into JSON (and sanitized), sent as is.
type rawBlock struct {
	typ  slack.MessageBlockType
	id   string
	json json.RawMessage
}

func (r rawBlock) BlockType() slack.MessageBlockType { return r.typ }
func (r rawBlock) ID() string                        { return r.id }
func (r rawBlock) MarshalJSON() ([]byte, error)      { return r.json, nil }

// sanitizeBlocks sanitizes every text object inside blocks, however deep
// (sections, fields, context elements, buttons, markdown blocks).
func sanitizeBlocks(blocks []slack.Block) []slack.Block {
	out := make([]slack.Block, 0, len(blocks))
	for _, bl := range blocks {
		data, err := json.Marshal(bl)
		if err != nil {
			continue // a block that cannot be encoded cannot be sent either
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			continue
		}
		v = sanitizeJSON(v)
		data, err = json.Marshal(v)
		if err != nil {
			continue
		}
		m, _ := v.(map[string]any)
		id, _ := m["block_id"].(string)
		out = append(out, rawBlock{typ: bl.BlockType(), id: id, json: data})
	}
	return out
}

// sanitizeJSON walks decoded JSON: the "text" of a text object (or of a
// markdown block) is sanitized by its type; other strings (URLs, values,
// ids) are left alone.
func sanitizeJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = sanitizeJSON(x)
		}
		if s, ok := t["text"].(string); ok {
			switch t["type"] {
			case "mrkdwn", "markdown":
				t["text"] = sanitizeMrkdwn(s)
			default:
				t["text"] = sanitizePlain(s)
			}
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = sanitizeJSON(x)
		}
		return t
	}
	return v
}

// outgoing is the one way a message becomes Slack API options: text and
// blocks, both sanitized.
func outgoing(m Message) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionText(sanitizeMrkdwn(m.Text), false)}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(sanitizeBlocks(m.Blocks)...))
	}
	return opts
}
