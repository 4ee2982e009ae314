package main

import (
	"os"
	"testing"
)

// runAsBot, set to 1 in this test binary's environment, makes it the bot:
// the end-to-end tests start it as `bot serve` (signals, exit codes, the
// real environment) without building the module a second time, which from
// empty caches was most of this package's test time.
const runAsBot = "BRIEFBOT_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runAsBot) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}
