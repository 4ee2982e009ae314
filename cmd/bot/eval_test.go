package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalKindsAndFailures runs a small file of every shape through the
// command: the table by kind, the failures under --verbose and in --json.
func TestEvalKindsAndFailures(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "kinds.yaml")
	questions := `k: 5
questions:
  - kind: fact
    question: "When did the first Kenyan police officers land in Haiti?"
    docs: [timeline]
    expect: "25 June 2024"
    facts: [["25 June 2024", "June 25, 2024"]]
  - kind: time_sensitive
    question: "What is the mission called now?"
    docs: [gsf-transition, mandate-2751-2793]
    expect: "Gang Suppression Force"
    facts: ["Gang Suppression Force"]
    as_of: 1999-01-01
  - kind: off_topic
    question: "Who won the 2022 World Cup?"
`
	if err := os.WriteFile(file, []byte(questions), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := askCLI(t, nil, "eval", "--verbose", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"3 questions (2 answerable, 1 unanswerable)", "kind ", "fact ", "time_sensitive ", "off_topic ", "overall ",
		"Failures (", `[time_sensitive] as_of "What is the mission called now?"`, "expected: 1999-01-01"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = askCLI(t, nil, "eval", "--json", file)
	var rep struct {
		ByKind []struct {
			Kind      string `json:"kind"`
			Questions int    `json:"questions"`
			Dated     int    `json:"dated"`
			AsOfRight int    `json:"as_of_right"`
		} `json:"by_kind"`
		Failures []struct {
			What     string `json:"what"`
			Expected string `json:"expected"`
		} `json:"failures"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if len(rep.ByKind) != 3 || rep.ByKind[0].Kind != "fact" || rep.ByKind[1].Kind != "time_sensitive" || rep.ByKind[1].Dated != 1 || rep.ByKind[1].AsOfRight != 0 {
		t.Errorf("by kind %+v", rep.ByKind)
	}
	found := false
	for _, f := range rep.Failures {
		found = found || f.What == "as_of" && f.Expected == "1999-01-01"
	}
	if !found {
		t.Errorf("failures %+v lack the wrong as_of", rep.Failures)
	}
}

func TestEvalBadEntryNamed(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(file, []byte("questions:\n  - kind: off_topic\n    question: Rice?\n  - kind: fact\n    question: Who leads?\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := askCLI(t, nil, "eval", file)
	if code != 1 || !strings.Contains(errOut, `questions[1] ("Who leads?"): give docs and expect`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
