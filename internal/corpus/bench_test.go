package corpus

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
)

// Run: go test -bench . -run '^$' ./internal/corpus/
//
// Targets (2 cores): ingest >= 300 docs/s for 2 KB documents; search p95
// < 10 ms at 100k passages, growing less than 4x from 20k to 100k (the
// side-by-side comparison with Bleve is in ../../bench); RSS of a serving
// process < 150 MB at 100k passages.

// BenchmarkIngest ingests a folder of 2 KB text files through the Ingester,
// the path `bot ingest FOLDER` takes.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	g := corpustest.New(1)
	for i := 0; i < b.N; i++ {
		d := g.Doc(i, 330) // about 2 KB
		path := filepath.Join(dir, fmt.Sprintf("doc%07d.txt", i))
		if err := os.WriteFile(path, []byte(d.Title+"\n\n"+d.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	s := openTestStore(b)
	in := NewIngester(s, IngestOptions{})
	b.ResetTimer()
	results := in.Ingest(ctx, []string{dir})
	b.StopTimer()
	for _, r := range results {
		if r.Outcome != Added {
			b.Fatalf("%s: %s %v", r.Input, r.Outcome, r.Err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// benchQueries is how many distinct questions each size is measured with.
const benchQueries = 400

// BenchmarkSearch measures Search at 1k, 20k and 100k passages of about
// 100 words. The store grows in place from one size to the next, so it is
// built once per run.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.db")
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := corpustest.New(2)
	questions := make([]string, benchQueries)
	for i := range questions {
		questions[i] = g.Question()
	}
	built := 0
	for _, size := range []int{1_000, 20_000, 100_000} {
		b.Run(fmt.Sprintf("passages=%dk", size/1000), func(b *testing.B) {
			// Built here, not before b.Run, so that a -bench filter that
			// leaves a size out does not pay for it; b.Loop runs this body
			// once, and leaves the building out of the timing.
			start := time.Now()
			built = buildBenchStore(b, s, g, built, size)
			b.Logf("store at %d passages (built in %v)", size, time.Since(start).Round(time.Millisecond))
			// The first search loads or catches the index up: timed apart.
			t0 := time.Now()
			if _, err := s.Search(ctx, Query{Text: questions[0]}); err != nil {
				b.Fatal(err)
			}
			b.Logf("index caught up in %v", time.Since(t0).Round(time.Millisecond))
			var ours []time.Duration
			for b.Loop() {
				for _, q := range questions {
					t0 := time.Now()
					if _, err := s.Search(ctx, Query{Text: q}); err != nil {
						b.Fatal(err)
					}
					ours = append(ours, time.Since(t0))
				}
			}
			p50, p95 := percentile(ours, 50), percentile(ours, 95)
			b.ReportMetric(ms(p50), "p50-ms")
			b.ReportMetric(ms(p95), "p95-ms")
			b.ReportMetric(0, "ns/op") // an op is a pass over all questions: meaningless
			if size == 100_000 {
				reportMemory(b, path, questions)
			}
		})
	}
}

// buildBenchStore adds single-passage documents of about 100 words until
// the store holds want passages, and returns the count.
func buildBenchStore(b *testing.B, s *Store, g *corpustest.Generator, have, want int) int {
	ctx := context.Background()
	for i := have; i < want; i++ {
		d := g.Doc(i, 100)
		_, err := s.Put(ctx, Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text})
		if err != nil {
			b.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Passages != want {
		b.Fatalf("store holds %d passages (%v), want %d", st.Passages, err, want)
	}
	return want
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// reportMemory reports this process's memory, and that of a fresh process
// that only opens the 100k store and answers the questions: what a bot
// serving searches costs, without the benchmark's own building.
func reportMemory(b *testing.B, path string, questions []string) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
	if rss, ok := procStatusKB("VmRSS"); ok {
		b.ReportMetric(float64(rss)/1024, "bench-rss-MB")
	}
	qfile := filepath.Join(b.TempDir(), "questions.txt")
	if err := os.WriteFile(qfile, []byte(strings.Join(questions, "\n")), 0o644); err != nil {
		b.Fatal(err)
	}
	// Once as the Go runtime defaults, once with the limit the Docker
	// image sets.
	for _, run := range []struct{ limit, unit string }{{"", "serve-rss-MB"}, {"120MiB", "serve-rss-limit120-MB"}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBenchServeChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), benchChildEnv+"="+path+"|"+qfile, "GOMEMLIMIT="+run.limit)
		if run.limit == "" {
			cmd.Env = append(cmd.Env, "GOMEMLIMIT=off")
		}
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("serve child: %v", err)
		}
		for line := range strings.SplitSeq(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "hwm-kb "); ok {
				kb, _ := strconv.Atoi(v)
				b.ReportMetric(float64(kb)/1024, run.unit)
			}
			if v, ok := strings.CutPrefix(line, "rss-kb "); ok && run.limit == "" {
				kb, _ := strconv.Atoi(v)
				b.ReportMetric(float64(kb)/1024, "serve-steady-MB")
			}
		}
	}
}

// benchChildEnv makes the re-executed test binary the serving child of
// reportMemory: "DB|QUESTIONS".
const benchChildEnv = "CORPUS_BENCH_SERVE_CHILD"

// TestBenchServeChild is the serving child's body, not a test of its own:
// it opens the store, answers every question, and prints its peak RSS and
// its RSS then.
func TestBenchServeChild(t *testing.T) {
	t.Parallel()
	spec := os.Getenv(benchChildEnv)
	if spec == "" {
		return
	}
	db, qfile, _ := strings.Cut(spec, "|")
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := os.Open(qfile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		for range 3 {
			if _, err := s.Search(ctx, Query{Text: sc.Text()}); err != nil {
				t.Fatal(err)
			}
		}
	}
	hwm, _ := procStatusKB("VmHWM")
	rss, _ := procStatusKB("VmRSS")
	fmt.Printf("hwm-kb %d\nrss-kb %d\n", hwm, rss)
}

// procStatusKB reads a kB field of /proc/self/status (Linux only).
func procStatusKB(field string) (int, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n, err == nil
		}
	}
	return 0, false
}

// BenchmarkLoad measures a cold load of the index, what a process opening
// a store does on its first search: CORPUS_BENCH_LOAD_PASSAGES passages
// (default 20,000) of about 100 words, built once. CORPUS_BENCH_LOAD_DB
// names a file to build them into and keep for the next run (a 100k
// store takes a minute and a half to build).
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	n := 20_000
	if env := os.Getenv("CORPUS_BENCH_LOAD_PASSAGES"); env != "" {
		var err error
		if n, err = strconv.Atoi(env); err != nil {
			b.Fatal(err)
		}
	}
	path := os.Getenv("CORPUS_BENCH_LOAD_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "load.db")
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Passages != n {
		if st.Passages != 0 {
			b.Fatalf("%s holds %d passages, want %d", path, st.Passages, n)
		}
		buildBenchStore(b, s, corpustest.New(2), 0, n)
	}
	s.Close()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.ix.catchUp(ctx, s.db); err != nil {
			b.Fatal(err)
		}
		if s.ix.live != n {
			b.Fatalf("loaded %d passages, want %d", s.ix.live, n)
		}
		s.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
	b.ReportMetric(0, "ns/op")
}
