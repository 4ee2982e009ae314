package corpus

import (
	"container/heap"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Embedder turns texts into unit vectors; *embedding.Client is one. Model
// names the vectors it makes: vectors of another model never compare.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
	Model() string
}

// Vectors is a store with dense retrieval: the passages' embeddings,
// loaded once into memory and kept current through vector_log, searched by
// exact dot product (no approximate index is needed below a few hundred
// thousand passages; see vectors_bench_test.go). It is a Searcher like the
// store itself, so it stands in for it.
type Vectors struct {
	*Store
	emb      Embedder
	log      *slog.Logger
	deadline time.Duration // for a query's embedding
	vx       *vecIndex
	failing  atomic.Bool // the endpoint failed last time: logged once until it recovers
}

// DefaultQueryDeadline bounds the wait for a question's embedding: past it
// the search is lexical.
const DefaultQueryDeadline = 3 * time.Second

// NewVectors gives s dense retrieval through emb. deadline bounds a query's
// embedding (0: DefaultQueryDeadline).
func NewVectors(s *Store, emb Embedder, deadline time.Duration, log *slog.Logger) *Vectors {
	if deadline <= 0 {
		deadline = DefaultQueryDeadline
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	vx := newVecIndex(emb.Model())
	vx.log = s.vlog
	return &Vectors{Store: s, emb: emb, log: log, deadline: deadline, vx: vx}
}

// Model is the embedding model whose vectors are searched.
func (v *Vectors) Model() string { return v.emb.Model() }

// DenseSearch returns the passages whose vectors are nearest the query's,
// best first, each scored by its cosine similarity. It fails when the
// endpoint does; the first failure of a run of them is logged.
func (v *Vectors) DenseSearch(ctx context.Context, q Query) ([]Hit, error) {
	k := q.K
	if k <= 0 {
		k = DefaultK
	}
	ectx, cancel := context.WithTimeout(ctx, v.deadline)
	vecs, err := v.emb.Embed(ectx, []string{q.Text})
	cancel()
	if err != nil {
		if ctx.Err() == nil && !v.failing.Swap(true) {
			v.log.Warn("embeddings endpoint failed: search is lexical until it answers", "model", v.emb.Model(), "err", err)
		}
		return nil, fmt.Errorf("dense search: %w", err)
	}
	if v.failing.Swap(false) {
		v.log.Info("embeddings endpoint answers again: search is hybrid", "model", v.emb.Model())
	}
	if err := v.vx.catchUp(ctx, v.db); err != nil {
		return nil, fmt.Errorf("dense search: %w", err)
	}
	allow, err := v.filter(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("dense search: %w", err)
	}
	top, err := v.rescore(ctx, vecs[0], v.vx.topK(vecs[0], k+rescoreExtra, allow), k)
	if err != nil {
		return nil, fmt.Errorf("dense search: %w", err)
	}
	if len(top) == 0 {
		return nil, nil
	}
	hits, err := v.hitsByID(ctx, top)
	if err != nil {
		return nil, fmt.Errorf("dense search: %w", err)
	}
	for i := range hits {
		hits[i].Score, hits[i].BM25 = hits[i].BM25, 0 // hitsByID put the similarity there
	}
	return hits, nil
}

// EmbedTexts embeds texts with the model whose vectors are searched, under
// the query deadline: for comparing a question's words with the sentences
// of a passage found by meaning (brief's dense gate).
func (v *Vectors) EmbedTexts(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, cancel := context.WithTimeout(ctx, v.deadline)
	defer cancel()
	return v.emb.Embed(ctx, texts)
}

// rescoreExtra is how many candidates beyond k the int8 scan hands to
// rescore: enough that the exact top k is among them (see
// BenchmarkDenseSearch's recall figures).
const rescoreExtra = 16

// rescore orders the scan's candidates by their exact similarity to q,
// from the stored float32 vectors, and keeps the best k.
func (v *Vectors) rescore(ctx context.Context, q []float32, cands []scored, k int) ([]scored, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(cands)+1)
	args = append(args, v.emb.Model())
	for _, c := range cands {
		args = append(args, c.id)
	}
	rows, err := v.db.QueryContext(ctx, `SELECT passage_id, vec FROM passage_vectors WHERE model = ? AND passage_id IN (?`+
		strings.Repeat(",?", len(cands)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]scored, 0, len(cands))
	buf := make([]float32, len(q))
	for rows.Next() {
		var id int64
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return nil, err
		}
		if decodeVector(blob, buf) != nil {
			continue // another length: not this index's
		}
		var d float64
		for j, x := range buf {
			d += float64(x) * float64(q[j])
		}
		out = append(out, scored{id: id, score: d})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].score > out[j].score || out[i].score == out[j].score && out[i].id < out[j].id
	})
	return out[:min(k, len(out))], nil
}

// filter returns which passages q allows, from the lexical index's
// metadata, or nil when q allows every passage.
func (v *Vectors) filter(ctx context.Context, q Query) (func(int64) bool, error) {
	f := queryFilter(q)
	if !f.active() {
		return nil, nil
	}
	if err := v.ix.catchUp(ctx, v.db); err != nil {
		return nil, err
	}
	ix := v.ix
	return func(id int64) bool {
		ix.mu.RLock()
		defer ix.mu.RUnlock()
		o, ok := ix.ord[id]
		return ok && f.allows(ix.meta[o])
	}, nil
}

// EmbedMissing embeds, in batches of batch, the passages that have no
// vector of the configured model yet (new ones, or all of them after the
// model changed), calling progress after each batch. It returns how many
// it embedded.
func (v *Vectors) EmbedMissing(ctx context.Context, batch int, progress func(done, total int)) (int, error) {
	total, err := v.MissingVectors(ctx, v.emb.Model())
	if err != nil || total == 0 {
		return 0, err
	}
	return v.embedMissing(ctx, nil, batch, func(done int) {
		if progress != nil {
			progress(done, max(total, done))
		}
	})
}

// EmbedDocuments embeds the passages of the given documents that have no
// vector of the configured model, batch passages a request across
// documents. It returns how many it embedded.
func (v *Vectors) EmbedDocuments(ctx context.Context, docIDs []string, batch int) (int, error) {
	if len(docIDs) == 0 {
		return 0, nil
	}
	return v.embedMissing(ctx, docIDs, batch, nil)
}

// embedMissing embeds the passages without a vector of the model, of the
// given documents or (none given) of all.
func (v *Vectors) embedMissing(ctx context.Context, docIDs []string, batch int, progress func(done int)) (int, error) {
	if batch <= 0 {
		batch = 64
	}
	model := v.emb.Model()
	var inDocs string
	var docArgs []any
	if len(docIDs) > 0 {
		inDocs = `p.doc_id IN (?` + strings.Repeat(",?", len(docIDs)-1) + `) AND `
		for _, id := range docIDs {
			docArgs = append(docArgs, id)
		}
	}
	query := `SELECT p.id, p.title, p.text FROM passages p
		WHERE ` + inDocs + `p.id > ? AND NOT EXISTS (SELECT 1 FROM passage_vectors v WHERE v.passage_id = p.id AND v.model = ?)
		ORDER BY p.id LIMIT ?`
	args := func(after int64) []any { return append(slices.Clip(docArgs), after, model, batch) }
	done := 0
	var after int64
	for {
		rows, err := v.db.QueryContext(ctx, query, args(after)...)
		if err != nil {
			return done, fmt.Errorf("embed passages: %w", err)
		}
		var ids []int64
		var texts []string
		for rows.Next() {
			var id int64
			var title, text string
			if err := rows.Scan(&id, &title, &text); err != nil {
				rows.Close()
				return done, fmt.Errorf("embed passages: %w", err)
			}
			ids = append(ids, id)
			texts = append(texts, EmbeddingText(title, text))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return done, fmt.Errorf("embed passages: %w", err)
		}
		if len(ids) == 0 {
			return done, nil
		}
		vecs, err := v.emb.Embed(ctx, texts)
		if err != nil {
			return done, fmt.Errorf("embed passages: %w", err)
		}
		if err := v.PutVectors(ctx, model, ids, vecs); err != nil {
			return done, err
		}
		done += len(ids)
		after = ids[len(ids)-1]
		if progress != nil {
			progress(done)
		}
	}
}

// EmbeddingText is what a passage is embedded as: its title, then its text.
func EmbeddingText(title, text string) string {
	if title == "" {
		return text
	}
	return title + "\n" + text
}

// PutVectors stores the vectors of passages for model, replacing older
// ones. A passage deleted meanwhile is skipped.
func (s *Store) PutVectors(ctx context.Context, model string, ids []int64, vecs [][]float32) error {
	if len(ids) != len(vecs) {
		return fmt.Errorf("put vectors: %d ids for %d vectors", len(ids), len(vecs))
	}
	err := s.inTx(ctx, func(tx sqlTx) error {
		for i, id := range ids {
			_, err := tx.ExecContext(ctx, `INSERT INTO passage_vectors(passage_id, model, dim, vec)
				SELECT id, ?, ?, ? FROM passages WHERE id = ?
				ON CONFLICT(passage_id, model) DO UPDATE SET dim = excluded.dim, vec = excluded.vec`,
				model, len(vecs[i]), encodeVector(vecs[i]), id)
			if err != nil {
				return err
			}
		}
		return s.vlog.prune(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("put vectors: %w", err)
	}
	return nil
}

// VectorCounts returns how many passages have a vector, per model.
func (s *Store) VectorCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT model, count(*) FROM passage_vectors GROUP BY model`)
	if err != nil {
		return nil, fmt.Errorf("count vectors: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fmt.Errorf("count vectors: %w", err)
		}
		out[m] = n
	}
	return out, rows.Err()
}

// DocVectorCounts returns, per document, how many of its passages have a
// vector of model; documents with none are left out.
func (s *Store) DocVectorCounts(ctx context.Context, model string) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.doc_id, count(*) FROM passage_vectors v
		JOIN passages p ON p.id = v.passage_id WHERE v.model = ? GROUP BY p.doc_id`, model)
	if err != nil {
		return nil, fmt.Errorf("count vectors: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var doc string
		var n int
		if err := rows.Scan(&doc, &n); err != nil {
			return nil, fmt.Errorf("count vectors: %w", err)
		}
		out[doc] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count vectors: %w", err)
	}
	return out, nil
}

// MissingVectors counts the passages without a vector of model.
func (s *Store) MissingVectors(ctx context.Context, model string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM passages p
		WHERE NOT EXISTS (SELECT 1 FROM passage_vectors v WHERE v.passage_id = p.id AND v.model = ?)`, model).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count passages without vectors: %w", err)
	}
	return n, nil
}

// MissingText returns the characters of the passages without a vector of
// model, for an estimate of what embedding them costs.
func (s *Store) MissingText(ctx context.Context, model string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(length(p.title) + 1 + length(p.text)), 0) FROM passages p
		WHERE NOT EXISTS (SELECT 1 FROM passage_vectors v WHERE v.passage_id = p.id AND v.model = ?)`, model).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("measure passages without vectors: %w", err)
	}
	return n, nil
}

func encodeVector(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}

func decodeVector(b []byte, dst []float32) error {
	if len(b) != 4*len(dst) {
		return errors.New("vector blob of the wrong length")
	}
	for i := range dst {
		dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return nil
}

// vecIndex holds one model's vectors in one flat slice, for a scan that
// runs at memory speed. Each vector is kept as int8 with its own scale (a
// quarter of float32's memory: 73 MiB instead of 293 at 100k × 768); the
// scan's similarities are then close to the exact ones, and DenseSearch
// rescores its best candidates exactly from the stored vectors (rescore).
type vecIndex struct {
	mu      sync.RWMutex
	model   string
	log     *changeLog // vector_log
	applied int64      // last vector_log seq applied; -1 before the first load
	loads   int        // full loads so far (the first, and after a prune passed it)
	dim     int        // 0 until the first vector
	ids     []int64
	data    []int8    // len(ids) × dim
	scale   []float32 // per vector: data × scale is the vector
	pos     map[int64]int
	buf     []float32 // decoding buffer, under mu
}

func newVecIndex(model string) *vecIndex {
	return &vecIndex{model: model, applied: -1, pos: map[int64]int{}}
}

// reset empties the index, to be loaded again.
func (vx *vecIndex) reset() {
	vx.applied, vx.dim = -1, 0
	vx.ids, vx.data, vx.scale = nil, nil, nil
	vx.pos = map[int64]int{}
}

// catchUp applies what changed in passage_vectors since the index last
// looked (passages deleted take their vectors with them, logged too). An
// index that the log's pruning passed loads afresh.
func (vx *vecIndex) catchUp(ctx context.Context, db *sql.DB) error {
	var head int64
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM vector_log`).Scan(&head); err != nil {
		return fmt.Errorf("read vector log: %w", err)
	}
	vx.mu.RLock()
	current := vx.applied == head
	vx.mu.RUnlock()
	if current {
		return nil
	}
	vx.mu.Lock()
	defer vx.mu.Unlock()
	if vx.applied >= head {
		return nil
	}
	from := vx.applied
	if err := vx.apply(ctx, db, head); err != nil {
		return err
	}
	if from < 0 || vx.log == nil {
		return nil
	}
	pruned, err := vx.log.prunedUpTo(ctx, db)
	if err != nil {
		return fmt.Errorf("read vector log: %w", err)
	}
	if pruned > from {
		slog.Info("dense index reloads: the vector log was pruned past it", "model", vx.model, "applied", from, "pruned", pruned)
		vx.reset()
		return vx.apply(ctx, db, head)
	}
	return nil
}

// apply loads every vector of the model (before the first load) or the
// log's entries after the last applied, up to head. The caller holds mu.
func (vx *vecIndex) apply(ctx context.Context, db *sql.DB, head int64) error {
	var rows *sql.Rows
	var err error
	if vx.applied < 0 {
		vx.loads++
		// Vectors written after head are read too; their log entries are
		// then applied again, which is harmless.
		rows, err = db.QueryContext(ctx, `SELECT 'i', passage_id, dim, vec FROM passage_vectors WHERE model = ?`, vx.model)
	} else {
		rows, err = db.QueryContext(ctx, `SELECT l.op, l.passage_id, v.dim, v.vec FROM vector_log l
			LEFT JOIN passage_vectors v ON v.passage_id = l.passage_id AND v.model = l.model
			WHERE l.seq > ? AND l.seq <= ? AND l.model = ? ORDER BY l.seq`, vx.applied, head, vx.model)
	}
	if err != nil {
		return fmt.Errorf("load vectors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var op string
		var id int64
		var dim sql.NullInt64
		var blob []byte
		if err := rows.Scan(&op, &id, &dim, &blob); err != nil {
			return fmt.Errorf("load vectors: %w", err)
		}
		if op == "d" || !dim.Valid {
			vx.remove(id)
			continue
		}
		vx.put(id, int(dim.Int64), blob)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load vectors: %w", err)
	}
	vx.applied = head
	return nil
}

// put adds or replaces a vector; one of another length than the first
// (a misconfigured endpoint) is left out.
func (vx *vecIndex) put(id int64, dim int, blob []byte) {
	if vx.dim == 0 {
		vx.dim = dim
	}
	if dim != vx.dim || len(blob) != 4*dim {
		return
	}
	i, ok := vx.pos[id]
	if !ok {
		i = len(vx.ids)
		vx.pos[id] = i
		vx.ids = append(vx.ids, id)
		vx.data = append(vx.data, make([]int8, dim)...)
		vx.scale = append(vx.scale, 0)
	}
	if len(vx.buf) != dim {
		vx.buf = make([]float32, dim)
	}
	decodeVector(blob, vx.buf)
	vx.scale[i] = quantize(vx.buf, vx.data[i*dim:(i+1)*dim])
}

// quantize writes v as int8s scaled to its largest component and returns
// the scale that brings them back.
func quantize(v []float32, dst []int8) float32 {
	var m float32
	for _, x := range v {
		m = max(m, x, -x)
	}
	if m == 0 {
		clear(dst)
		return 0
	}
	inv := 127 / m
	for j, x := range v {
		dst[j] = int8(math.Round(float64(x * inv)))
	}
	return m / 127
}

// remove swaps the last vector into the removed one's place.
func (vx *vecIndex) remove(id int64) {
	i, ok := vx.pos[id]
	if !ok {
		return
	}
	last := len(vx.ids) - 1
	if i != last {
		vx.ids[i] = vx.ids[last]
		vx.pos[vx.ids[i]] = i
		copy(vx.data[i*vx.dim:(i+1)*vx.dim], vx.data[last*vx.dim:])
		vx.scale[i] = vx.scale[last]
	}
	vx.ids = vx.ids[:last]
	vx.data = vx.data[:last*vx.dim]
	vx.scale = vx.scale[:last]
	delete(vx.pos, id)
}

// topK returns the k passages of highest dot product with q, best first,
// scanning in one shard per core. allow, when set, says which passages may
// be returned. The products are the int8 ones: close, not exact.
func (vx *vecIndex) topK(q []float32, k int, allow func(int64) bool) []scored {
	vx.mu.RLock()
	defer vx.mu.RUnlock()
	n, dim := len(vx.ids), vx.dim
	if n == 0 || len(q) != dim || k <= 0 {
		return nil
	}
	q8 := make([]int8, dim)
	qs := quantize(q, q8)
	shards := max(1, min(runtime.GOMAXPROCS(0), n/4096))
	per := (n + shards - 1) / shards
	results := make([]minHeap, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := make(minHeap, 0, k)
			for i := s * per; i < min(n, (s+1)*per); i++ {
				d := float32(dot8(vx.data[i*dim:(i+1)*dim], q8)) * qs * vx.scale[i]
				if len(h) == k && float64(d) <= h[0].score {
					continue
				}
				if allow != nil && !allow(vx.ids[i]) {
					continue
				}
				if len(h) < k {
					heap.Push(&h, scored{id: vx.ids[i], score: float64(d)})
				} else {
					h[0] = scored{id: vx.ids[i], score: float64(d)}
					heap.Fix(&h, 0)
				}
			}
			results[s] = h
		}()
	}
	wg.Wait()
	all := make(minHeap, 0, k)
	for _, h := range results {
		for _, x := range h {
			if len(all) < k {
				heap.Push(&all, x)
			} else if x.score > all[0].score {
				all[0] = x
				heap.Fix(&all, 0)
			}
		}
	}
	out := make([]scored, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&all).(scored)
	}
	return out
}

// dot8 is the dot product of two int8 vectors of one length, four lanes
// at a time (int32 sums cannot overflow below 130k dimensions).
func dot8(a, b []int8) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	j := 0
	for ; j+4 <= len(a); j += 4 {
		s0 += int32(a[j]) * int32(b[j])
		s1 += int32(a[j+1]) * int32(b[j+1])
		s2 += int32(a[j+2]) * int32(b[j+2])
		s3 += int32(a[j+3]) * int32(b[j+3])
	}
	for ; j < len(a); j++ {
		s0 += int32(a[j]) * int32(b[j])
	}
	return s0 + s1 + s2 + s3
}

// minHeap keeps the best k seen, the worst on top.
type minHeap []scored

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i].score < h[j].score }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
