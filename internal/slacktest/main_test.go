package slacktest

import (
	"os"
	"testing"
)

// The fake's own tests send it odd payloads on purpose (a task update
// without its status, blocks over the limits): they are not the bot's, so
// they are kept out of the @slack/types capture.
func TestMain(m *testing.M) {
	os.Unsetenv(CaptureEnv)
	os.Exit(m.Run())
}
