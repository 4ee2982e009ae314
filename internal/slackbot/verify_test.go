package slackbot

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

// Slack's documented example (api.slack.com, "Verifying requests from Slack").
const (
	docSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	docTimestamp = "1531420618"
	docBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	docSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifierSlackExample(t *testing.T) {
	t.Parallel()
	if len(docBody) != 362 {
		t.Fatalf("example body is %d bytes, Slack's is 362", len(docBody))
	}
	at := time.Unix(1531420618, 0)
	header := func(sig, ts string) http.Header {
		h := http.Header{}
		if sig != "" {
			h.Set("X-Slack-Signature", sig)
		}
		if ts != "" {
			h.Set("X-Slack-Request-Timestamp", ts)
		}
		return h
	}
	tests := []struct {
		name   string
		now    time.Time
		secret string
		h      http.Header
		body   string
		want   error
	}{
		{"valid", at, docSecret, header(docSignature, docTimestamp), docBody, nil},
		{"4m59s later", at.Add(4*time.Minute + 59*time.Second), docSecret, header(docSignature, docTimestamp), docBody, nil},
		{"4m59s earlier", at.Add(-4*time.Minute - 59*time.Second), docSecret, header(docSignature, docTimestamp), docBody, nil},
		{"6 minutes later", at.Add(6 * time.Minute), docSecret, header(docSignature, docTimestamp), docBody, errStale},
		{"6 minutes earlier", at.Add(-6 * time.Minute), docSecret, header(docSignature, docTimestamp), docBody, errStale},
		{"wrong secret", at, "another-secret", header(docSignature, docTimestamp), docBody, errBadSignature},
		{"body changed", at, docSecret, header(docSignature, docTimestamp), strings.Replace(docBody, "roadrunner", "coyote", 1), errBadSignature},
		{"timestamp changed", at, docSecret, header(docSignature, "1531420619"), docBody, errBadSignature},
		{"no v0 prefix", at, docSecret, header(strings.TrimPrefix(docSignature, "v0="), docTimestamp), docBody, errBadSignature},
		{"not hex", at, docSecret, header("v0=zz", docTimestamp), docBody, errBadSignature},
		{"truncated", at, docSecret, header(docSignature[:20], docTimestamp), docBody, errBadSignature},
		{"missing signature", at, docSecret, header("", docTimestamp), docBody, errNoSignature},
		{"missing timestamp", at, docSecret, header(docSignature, ""), docBody, errNoSignature},
		{"bad timestamp", at, docSecret, header(docSignature, "yesterday"), docBody, errBadTimestamp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &verifier{secret: []byte(tt.secret), now: func() time.Time { return tt.now }}
			if err := v.check(tt.h, []byte(tt.body)); !errors.Is(err, tt.want) {
				t.Errorf("check = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestSlacktestSignMatchesSlack(t *testing.T) {
	t.Parallel()
	if got := slacktest.Sign(docSecret, 1531420618, []byte(docBody)); got != docSignature {
		t.Errorf("slacktest.Sign = %s, want Slack's %s", got, docSignature)
	}
}
