package slacktest

import "testing"

func TestUnsafeIn(t *testing.T) {
	tests := []struct {
		name, in string
		want     int // findings
	}{
		{"plain", "Kenya leads the mission.", 0},
		{"escaped", "&lt;!channel&gt; &lt;@U1&gt; @\u2060here", 0},
		{"http links", "<https://e.org|e> and <http://e.org>", 0},
		{"pings", "<!channel> <!here|here> <@U123> <#C1|general> <!subteam^S1|team>", 5},
		{"bad links", "<javascript:alert(1)|x> <mailto:a@b.org> <ftp://e.org>", 3},
		{"bare broadcasts", "@channel @Here @everyone but not me@channelnews.org", 3},
		{"inside JSON", `{"blocks":[{"text":{"type":"mrkdwn","text":"<!here>"}}],"text":"@channel"}`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UnsafeIn("x", tt.in); len(got) != tt.want {
				t.Errorf("UnsafeIn(%q) = %q, want %d findings", tt.in, got, tt.want)
			}
		})
	}
}
