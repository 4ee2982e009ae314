package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The layers the import graph must keep (issue 12): only this command reads
// the configuration, and the Slack transport, the scheduler and what they
// say (brief) link no storage: they name the document package's types and
// the ledger's, and cmd/bot hands them the stores.
func TestLayering(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages with")
	}
	cmd := exec.Command(goTool, "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`, "./internal/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/mss-brief/briefbot/"
	deps := map[string][]string{}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if len(fields) > 0 {
			deps[strings.TrimPrefix(fields[0], mod)] = fields[1:]
		}
	}
	if len(deps) < 10 {
		t.Fatalf("go list gave %d packages: %s", len(deps), out)
	}
	// internal/openaitest is a test fake: its semantic embeddings know the
	// default topic's names, as a multilingual model would.
	mayReadConfig := []string{"internal/config", "internal/openaitest"}
	for pkg, ds := range deps {
		if slices.Contains(ds, mod+"internal/config") && !slices.Contains(mayReadConfig, pkg) {
			t.Errorf("%s imports internal/config: give it typed options and copy them in cmd/bot/options.go", pkg)
		}
	}
	for _, pkg := range []string{"internal/brief", "internal/slackbot", "internal/schedule"} {
		ds, ok := deps[pkg]
		if !ok {
			t.Errorf("go list did not list %s", pkg)
		}
		for _, storage := range []string{"internal/corpus", "internal/database"} {
			if slices.Contains(ds, mod+storage) {
				t.Errorf("%s links %s: name internal/document's types (or the ledger's) and let cmd/bot pass the store", pkg, storage)
			}
		}
	}
}
