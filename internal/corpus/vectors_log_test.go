package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// modelOnly is an Embedder for tests that only read stored vectors.
type modelOnly string

func (m modelOnly) Model() string { return string(m) }
func (m modelOnly) Embed(context.Context, []string) ([][]float32, error) {
	return nil, errors.New("no endpoint")
}

// TestVectorLogPruned: a store whose passages are embedded again and again
// (and one of them replaced) keeps vector_log bounded; a reader on another
// handle that keeps up applies every change without loading afresh, one
// that fell behind the prune loads afresh, and both hold exactly the
// latest vector of every passage there is. On SQLite, and on PostgreSQL
// when BOT_TEST_POSTGRES names a server.
func TestVectorLogPruned(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) { testVectorLogPruned(t, filepath.Join(t.TempDir(), "brief.db")) })
	t.Run("postgres", func(t *testing.T) { testVectorLogPruned(t, databasetest.NewPostgres(t)) })
}

func testVectorLogPruned(t *testing.T, path string) {
	ctx := context.Background()
	const model, dim, docs, rounds = "m", 8, 4, 30
	writer := openStoreAt(t, path)
	// A reader that catches up between two writes is never more than
	// docs+1 entries behind (a round, and the replaced passage's delete):
	// keep twice that.
	const keep = 2 * docs
	writer.vlog.every, writer.vlog.minKept = 1, keep
	put := func(i int, text string) {
		if _, err := writer.Put(ctx, Document{Key: fmt.Sprintf("doc%d", i), Title: "Report", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range docs {
		put(i, fmt.Sprintf("The harbour inspection found cranes idle at berth %d.", i))
	}
	ids := func() []int64 {
		var out []int64
		for i := range docs {
			ps, err := writer.Passages(ctx, DocID(fmt.Sprintf("doc%d", i)))
			if err != nil || len(ps) != 1 {
				t.Fatalf("doc%d: %d passages, %v", i, len(ps), err)
			}
			out = append(out, ps[0].ID)
		}
		return out
	}
	// Round r gives passage i the unit vector on axis (i+r) mod dim: the
	// passages' latest vectors are orthogonal, and each round moves them.
	vec := func(round, i int) []float32 {
		v := make([]float32, dim)
		v[(i+round)%dim] = 1
		return v
	}
	embed := func(round int) {
		cur := ids()
		vecs := make([][]float32, len(cur))
		for i := range cur {
			vecs[i] = vec(round, i)
		}
		if err := writer.PutVectors(ctx, model, cur, vecs); err != nil {
			t.Fatal(err)
		}
	}
	reader := func() *Vectors {
		return NewVectors(openStoreAt(t, path), modelOnly(model), 0, nil)
	}
	keeping, behind := reader(), reader()
	embed(0)
	for _, r := range []*Vectors{keeping, behind} {
		if err := r.vx.catchUp(ctx, r.db); err != nil {
			t.Fatal(err)
		}
	}
	for round := 1; round <= rounds; round++ {
		if round == rounds/2 {
			// The passage replaced takes its vector with it (a 'd' entry);
			// the next round embeds the new passage.
			put(2, "The harbour inspection found the cranes at berth 2 working again.")
		}
		embed(round)
		if err := keeping.vx.catchUp(ctx, keeping.db); err != nil {
			t.Fatal(err)
		}
	}
	var entries, pruned int
	err := writer.db.QueryRowContext(ctx, `SELECT count(*), coalesce((SELECT value FROM stats WHERE name = 'vector_log_pruned'), 0) FROM vector_log`).
		Scan(&entries, &pruned)
	if err != nil {
		t.Fatal(err)
	}
	// The prune inside each write keeps the newest max(passages, minKept)
	// = keep, and deletes once a quarter of that is over.
	if pruned == 0 || entries > keep+keep/4+docs {
		t.Fatalf("vector_log holds %d entries after %d rounds, pruned up to %d: want it pruned", entries, rounds, pruned)
	}
	if err := behind.vx.catchUp(ctx, behind.db); err != nil {
		t.Fatal(err)
	}
	if keeping.vx.loads != 1 || behind.vx.loads != 2 {
		t.Errorf("full loads: %d by the reader keeping up (want 1), %d by the one behind (want 2)", keeping.vx.loads, behind.vx.loads)
	}
	want := ids()
	for name, r := range map[string]*Vectors{"keeping up": keeping, "behind": behind} {
		held := slices.Clone(r.vx.ids)
		slices.Sort(held)
		if !slices.Equal(held, slices.Sorted(slices.Values(want))) {
			t.Errorf("%s: holds vectors of passages %v, want %v", name, held, want)
		}
		for i, id := range want {
			top := r.vx.topK(vec(rounds, i), 1, nil)
			if len(top) != 1 || top[0].id != id || top[0].score < 0.99 {
				t.Errorf("%s: passage %d's latest vector gives %+v, want itself at 1", name, id, top)
			}
		}
	}
}
