package slackbot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

func TestSanitizeMrkdwn(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"channel", "<!channel> hi", "&lt;!channel&gt; hi"},
		{"nested rebuild", "<!chan<b>nel>", "&lt;!chan&lt;b&gt;nel&gt;"},
		{"user", "ask <@U123>", "ask &lt;@U123&gt;"},
		{"subteam", "<!subteam^S1|team>", "&lt;!subteam^S1|team&gt;"},
		{"javascript link", "<javascript:alert(1)|x>", "&lt;javascript:alert(1)|x&gt;"},
		{"bare broadcast", "@Channel and @HERE", "@\u2060Channel and @\u2060HERE"},
		{"trusted link kept", "<https://example.org/a?b=1&amp;c=2|docs>", "<https://example.org/a?b=1&amp;c=2|docs>"},
		{"link label sanitized", "<https://e.org|@here>", "<https://e.org|@\u2060here>"},
		{"entities once", "a &amp; b & c &lt;", "a &amp; b &amp; c &lt;"},
		{"quote kept", "> quoted\n  > also\nx > y", "> quoted\n  > also\nx &gt; y"},
		{"credentials link", "<https://u:p@e.org|x>", "&lt;https://u:p@e.org|x&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sanitizeMrkdwn(tt.in)
			if got != tt.want {
				t.Errorf("sanitizeMrkdwn(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := sanitizeMrkdwn(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// The outgoing message carries nothing live in any field, blocks included.
func TestOutgoingSanitizesEveryField(t *testing.T) {
	t.Parallel()
	hostile := "<!channel> <@U123> @everyone <javascript:x|y>"
	m := Message{Text: hostile, Blocks: []slack.Block{section(hostile), contextLine(hostile),
		slack.NewActionBlock("a", slack.NewButtonBlockElement("b", "v", slack.NewTextBlockObject(slack.PlainTextType, hostile, false, false)))}}
	_, vals, err := slack.UnsafeApplyMsgOptions("x", "C1", "https://slack.invalid/", outgoing(m)...)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range vals {
		for _, v := range vs {
			if bad := slacktest.UnsafeIn(k, v); len(bad) > 0 {
				t.Errorf("%v", bad)
			}
		}
	}
	blocks, err := json.Marshal(sanitizeBlocks(m.Blocks))
	if err != nil {
		t.Fatal(err)
	}
	if bad := slacktest.UnsafeIn("blocks", string(blocks)); len(bad) > 0 || !strings.Contains(string(blocks), "channel") {
		t.Errorf("blocks %s: %v", blocks, bad)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"<!channel>", "<!chan<b>nel>", "<@U123>", "[x](javascript:alert(1))", "@Channel",
		"<https://e.org|x>", "&amp;&lt;<>&", "<!subteam^S1>", "<#C1|general>", "> q\n<http://a|<!here>>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, out := range []string{sanitizeMrkdwn(in), sanitizeMrkdwn(mrkdwn(in)), sanitizePlain(in)} {
			if bad := slacktest.UnsafeIn("out", out); len(bad) > 0 {
				t.Fatalf("input %q: %v", in, bad)
			}
		}
		once := sanitizeMrkdwn(in)
		if twice := sanitizeMrkdwn(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, once, twice)
		}
		if p := sanitizePlain(in); sanitizePlain(p) != p {
			t.Fatalf("plain not idempotent: %q", in)
		}
	})
}
