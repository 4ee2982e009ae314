package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO or device would block a read forever: it is refused by name and
// the rest of the run goes on.
func TestIngestRefusesNonRegularFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("A plain note about river levels in spring, long enough to keep.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		inputs []string
		bad    string // input that must fail naming itself
		want   string
	}{
		{"fifo named", []string{fifo, good}, fifo, "named pipe"},
		{"device named", []string{"/dev/zero", good}, "/dev/zero", "character device"},
		{"fifo in folder", []string{dir}, fifo, "named pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			s := openTestStore(t)
			done := make(chan []IngestResult, 1)
			go func() { done <- NewIngester(s, IngestOptions{}).Ingest(ctx, tt.inputs) }()
			var results []IngestResult
			select {
			case results = <-done:
			case <-time.After(8 * time.Second):
				t.Fatal("ingest blocked on a non-regular file")
			}
			var sawBad, sawGood bool
			for _, r := range results {
				switch r.Input {
				case tt.bad:
					sawBad = true
					if r.Outcome != Failed && r.Outcome != Skipped || r.Err == nil ||
						!strings.Contains(r.Err.Error(), tt.bad) || !strings.Contains(r.Err.Error(), tt.want) {
						t.Errorf("%s: outcome %s, err %v; want refused naming the file and %q", r.Input, r.Outcome, r.Err, tt.want)
					}
				case good:
					sawGood = true
					if r.Outcome != Added {
						t.Errorf("good file: outcome %s, err %v", r.Outcome, r.Err)
					}
				}
			}
			if !sawBad || !sawGood {
				t.Errorf("results %+v: want both the refused and the good file", results)
			}
		})
	}
}
