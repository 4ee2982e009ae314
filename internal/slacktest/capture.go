package slacktest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Payload is one Block Kit payload sent to the fake: a message's blocks
// (Web API, response_url or a Socket Mode ack), a view, or a stream's
// chunks.
type Payload struct {
	Kind   string          `json:"kind"` // PayloadBlocks, PayloadView or PayloadChunks
	Method string          `json:"method"`
	Seq    int64           `json:"seq"`
	JSON   json.RawMessage `json:"payload"`
}

// Payload kinds, each checked against its @slack/types type.
const (
	PayloadBlocks = "blocks" // KnownBlock[]
	PayloadView   = "view"   // View
	PayloadChunks = "chunks" // AnyChunk[]
)

// CaptureEnv names a directory: when set, every fake made with New writes
// the payloads it was sent there as JSON files when its test ends, for the
// @slack/types check (TypeCheck) to read.
const CaptureEnv = "BRIEFBOT_CAPTURE_DIR"

// Payloads lists every Block Kit payload the fake was sent, in order,
// read from the calls, response_url posts and acks it recorded.
func (s *Server) Payloads() []Payload {
	var out []Payload
	add := func(kind, method string, seq int64, v string) {
		v = strings.TrimSpace(v)
		if v == "" || v == "null" || v == "[]" || !json.Valid([]byte(v)) {
			return
		}
		out = append(out, Payload{Kind: kind, Method: method, Seq: seq, JSON: json.RawMessage(v)})
	}
	bodyBlocks := func(method string, seq int64, body []byte) {
		var m struct {
			Blocks json.RawMessage `json:"blocks"`
		}
		if json.Unmarshal(body, &m) == nil {
			add(PayloadBlocks, method, seq, string(m.Blocks))
		}
	}
	for _, c := range s.Calls() {
		if c.Method == "response_url" {
			bodyBlocks(c.Method, c.Seq, []byte(c.Body))
			continue
		}
		add(PayloadBlocks, c.Method, c.Seq, c.Params.Get("blocks"))
		add(PayloadChunks, c.Method, c.Seq, c.Params.Get("chunks"))
		if c.Method == "views.publish" {
			add(PayloadView, c.Method, c.Seq, c.Params.Get("view"))
		}
	}
	for _, a := range s.Acks() {
		bodyBlocks("socket ack", a.Seq, a.Payload)
	}
	slices.SortStableFunc(out, func(a, b Payload) int { return int(a.Seq - b.Seq) })
	return out
}

// captureOnCleanup writes the fake's payloads under CaptureEnv's directory
// when tb ends, if it is set.
func (s *Server) captureOnCleanup(tb testing.TB) {
	dir := os.Getenv(CaptureEnv)
	if dir == "" {
		return
	}
	tb.Cleanup(func() {
		if err := WriteCapture(dir, tb.Name(), s.Payloads()); err != nil {
			tb.Errorf("capture: %v", err)
		}
	})
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// WriteCapture writes payloads as one JSON file under dir, named after name.
func WriteCapture(dir, name string, payloads []Payload) error {
	if len(payloads) == 0 {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.Marshal(payloads)
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(name))
	file := unsafeName.ReplaceAllString(name, "_")
	file = file[:min(len(file), 80)] + "-" + fmt.Sprintf("%x", sum[:4]) + ".json"
	// Written aside and renamed, so a check reading the directory while
	// other packages' tests run never sees half a file.
	tmp, err := os.CreateTemp(dir, ".partial-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, file))
}

// ReadCapture reads every payload written under dir.
func ReadCapture(dir string) ([]Payload, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []Payload
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var ps []Payload
		if err := json.Unmarshal(data, &ps); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, ps...)
	}
	return out, nil
}

// ErrNoTypeChecker says node, or tools/blockkit's installed packages
// (npm ci --prefix tools/blockkit), are not on this machine.
var ErrNoTypeChecker = errors.New("slacktest: no @slack/types checker (needs node and `npm ci --prefix tools/blockkit`)")

// BlockKitDir finds tools/blockkit, with its packages installed, above
// the working directory.
func BlockKitDir() (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", ErrNoTypeChecker
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			tool := filepath.Join(dir, "tools", "blockkit")
			if _, err := os.Stat(filepath.Join(tool, "node_modules", "typescript", "bin", "tsc")); err != nil {
				return "", ErrNoTypeChecker
			}
			if _, err := os.Stat(filepath.Join(tool, "node_modules", "@slack", "types", "package.json")); err != nil {
				return "", ErrNoTypeChecker
			}
			return tool, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoTypeChecker
		}
		dir = parent
	}
}

// TypeFailure is a payload tsc refused, with what it said.
type TypeFailure struct {
	Payload Payload
	Errors  []string
}

var tscLine = regexp.MustCompile(`^check\.ts\((\d+),\d+\): (error .*)$`)

// TypeCheck types each distinct payload as its @slack/types type
// (KnownBlock[], View, AnyChunk[]) in one generated TypeScript file and
// runs `tsc --strict` on it from toolDir (BlockKitDir). It returns the
// payloads tsc refused; err is for a checker that did not run.
func TypeCheck(ctx context.Context, toolDir string, payloads []Payload) (failures []TypeFailure, checked int, err error) {
	types := map[string]string{PayloadBlocks: "KnownBlock[]", PayloadView: "View", PayloadChunks: "AnyChunk[]"}
	var src bytes.Buffer
	src.WriteString("import type { AnyChunk, KnownBlock, View } from \"@slack/types\";\n")
	line := 2
	type span struct {
		from, to int
		p        Payload
	}
	var spans []span
	seen := map[[32]byte]bool{}
	for _, p := range payloads {
		typ, ok := types[p.Kind]
		if !ok {
			return nil, 0, fmt.Errorf("payload %d: unknown kind %q", p.Seq, p.Kind)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, p.JSON); err != nil {
			return nil, 0, fmt.Errorf("payload %d (%s): %w", p.Seq, p.Method, err)
		}
		key := sha256.Sum256(append([]byte(p.Kind+"\x00"), compact.Bytes()...))
		if seen[key] {
			continue
		}
		seen[key] = true
		var pretty bytes.Buffer
		_ = json.Indent(&pretty, compact.Bytes(), "", " ")
		body := pretty.String()
		n := len(spans)
		fmt.Fprintf(&src, "// %s from %s\nexport const p%d: %s = %s;\n", p.Kind, strings.ReplaceAll(p.Method, "\n", " "), n, typ, body)
		lines := 2 + strings.Count(body, "\n")
		spans = append(spans, span{from: line, to: line + lines - 1, p: p})
		line += lines
	}
	if len(spans) == 0 {
		return nil, 0, nil
	}
	work, err := os.MkdirTemp(toolDir, ".check-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(work)
	tsconfig := `{"extends": "../tsconfig.json", "compilerOptions": {"strict": true, "noEmit": true}, "include": ["check.ts"]}`
	if err := os.WriteFile(filepath.Join(work, "tsconfig.json"), []byte(tsconfig), 0o644); err != nil {
		return nil, 0, err
	}
	if err := os.WriteFile(filepath.Join(work, "check.ts"), src.Bytes(), 0o644); err != nil {
		return nil, 0, err
	}
	cmd := exec.CommandContext(ctx, "node", filepath.Join(toolDir, "node_modules", "typescript", "bin", "tsc"), "--strict", "--pretty", "false", "-p", work)
	cmd.Dir = work
	out, runErr := cmd.CombinedOutput()
	byPayload := map[int][]string{}
	for _, l := range strings.Split(string(out), "\n") {
		m := tscLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		at, _ := strconv.Atoi(m[1])
		i, _ := slices.BinarySearchFunc(spans, at, func(s span, at int) int {
			switch {
			case s.to < at:
				return -1
			case s.from > at:
				return 1
			}
			return 0
		})
		if i >= len(spans) {
			i = len(spans) - 1
		}
		byPayload[i] = append(byPayload[i], m[2])
	}
	if runErr != nil && len(byPayload) == 0 {
		return nil, len(spans), fmt.Errorf("tsc: %w\n%s", runErr, out)
	}
	for _, i := range slices.Sorted(maps.Keys(byPayload)) {
		failures = append(failures, TypeFailure{Payload: spans[i].p, Errors: byPayload[i]})
	}
	return failures, len(spans), nil
}
