package main

import (
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// The layers the import graph must keep (issue 12): only this command reads
// the configuration, and the Slack transport, the scheduler and what they
// say (brief) link no storage: they name the document package's types and
// the ledger's, and cmd/bot hands them the stores.
func TestLayering(t *testing.T) {
	t.Parallel()
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
	for pkg, ds := range deps {
		if slices.Contains(ds, mod+"internal/config") && pkg != "internal/config" {
			t.Errorf("%s imports internal/config: give it typed options and copy them in cmd/bot/options.go", pkg)
		}
	}
	// The fakes speak the wire protocol of what they stand in for, so a
	// test through them checks our client code, not a shared shortcut:
	// they link none of the bot's packages but the lexicon (the fake
	// model's sense of words).
	for _, fake := range []string{"internal/openaitest", "internal/slacktest"} {
		ds, ok := deps[fake]
		if !ok {
			t.Errorf("go list did not list %s", fake)
		}
		for _, d := range ds {
			if pkg, ours := strings.CutPrefix(d, mod); ours && pkg != "internal/lexicon" {
				t.Errorf("the fake %s links %s: a fake speaks the wire protocol and takes what it must know as arguments", fake, pkg)
			}
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

// The fake embedding model knows the bodies' names in both languages as a
// real multilingual model would, from a list of its own (it reads no
// configuration); the list is the default topic's glossary, so tests on
// the default topic pair the names config.Default() pairs.
func TestFakeModelKnowsTheTopicNames(t *testing.T) {
	t.Parallel()
	if got, want := openaitest.ModelNames, config.Default().Topic.Aliases; !reflect.DeepEqual(got, want) {
		t.Errorf("openaitest.ModelNames = %q\nconfig.Default().Topic.Aliases = %q\nkeep them the same", got, want)
	}
}
