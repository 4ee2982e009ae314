package slackbot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// signatureWindow is how far a request's timestamp may be from now, either
// way, before it is refused as a possible replay.
const signatureWindow = 5 * time.Minute

// Why a request's signature was refused.
var (
	errNoSignature  = errors.New("missing X-Slack-Signature or X-Slack-Request-Timestamp")
	errBadTimestamp = errors.New("X-Slack-Request-Timestamp is not a Unix time")
	errStale        = errors.New("request timestamp is more than 5 minutes from now")
	errBadSignature = errors.New("signature does not match")
)

// verifier checks Slack's request signatures: "v0=" + hex of
// HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body). Its clock is
// injectable (slack-go's verifier reads the real clock in its constructor,
// which rules out Slack's documented example as a test).
type verifier struct {
	secret []byte
	now    func() time.Time
}

func (v *verifier) check(h http.Header, body []byte) error {
	sig, tsText := h.Get("X-Slack-Signature"), h.Get("X-Slack-Request-Timestamp")
	if sig == "" || tsText == "" {
		return errNoSignature
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil {
		return errBadTimestamp
	}
	if d := v.now().Sub(time.Unix(ts, 0)); d > signatureWindow || d < -signatureWindow {
		return errStale
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errBadSignature
	}
	given, err := hex.DecodeString(hexSig)
	if err != nil {
		return errBadSignature
	}
	mac := hmac.New(sha256.New, v.secret)
	mac.Write([]byte("v0:" + tsText + ":"))
	mac.Write(body)
	if !hmac.Equal(mac.Sum(nil), given) {
		return errBadSignature
	}
	return nil
}
