package corpus

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// index is an in-memory inverted index derived from the passages table:
// SQLite stays the one source of truth, and passage_log (fed by triggers)
// tells every process what changed since it last looked, so a searcher in
// `bot serve` sees what `bot ingest` wrote in another process.
type index struct {
	mu      sync.RWMutex
	applied int64 // last passage_log seq applied; -1 before the first load

	ord     map[int64]uint32 // passage id -> ordinal
	ids     []int64          // ordinal -> passage id (0 once deleted)
	textLen []uint16         // ordinal -> terms in the text
	meta    []passageMeta    // ordinal -> what the filters need
	live    int
	sumText int64
	sumTtl  int64
	ttlLen  []uint16 // ordinal -> terms in the title

	// Every term the index has seen (in a text, a title or a sentence)
	// has an id; text and title postings are indexed by it.
	terms map[string]uint32
	text  []*postings
	title []*postings
	lex   *lexicon.Analyzer // how a passage becomes its terms

	// What the rerank needs of each passage's sentences, analysed once
	// when the passage is indexed (see addSentences): ordinal o's bytes
	// are at sentAt[o] in sentBlocks, which fill one after the other
	// (sentBlock bytes each, or one passage's if larger), so that nothing
	// grows by doubling or is copied when compacting.
	sentAt     []sentRef
	sentBlocks [][]byte
	idBuf      []uint32 // addTerms' scratch
	sentBuf    []byte   // addSentences' scratch
	// textHash is ordinal -> hash of the text analysed, so a passage read
	// back from the store is known to be the one the index holds (another
	// process may have replaced it since).
	textHash []uint64
	seed     maphash.Seed

	sources map[string]string // interned source names
	scores  sync.Pool
	// stmts prepares the queries run on every search (this one, and the
	// store's read of the passages found).
	stmts stmtCache
	// hits keeps the rows of passages searches returned (hitcache.go);
	// gen tells its entries from those of ordinals before a reload.
	hits *hitCache
	gen  uint64

	// passage_log, pruned by this process's stores.
	log *changeLog
}

// postings lists the passages holding a term, in ordinal order, with the
// term's frequency there: for each passage the uvarint of its ordinal's
// gap from the previous one, then the frequency in one byte, or 255 and
// the frequency's uvarint when it is 255 or more. At 100k passages that
// is about a third of plain uint32 ordinals and uint16 frequencies, and
// decoding costs less than the scoring beside it. df counts live
// passages only.
type postings struct {
	data []byte
	last uint32 // the last ordinal added
	df   uint32
}

func (p *postings) add(o, tf uint32) {
	gap := o
	if len(p.data) > 0 {
		gap = o - p.last
	}
	if need := len(p.data) + 2*binary.MaxVarintLen32; need > cap(p.data) {
		// An eighth more, not append's quarter (or double, below 256
		// bytes): what a load holds live as slack is what the heap then
		// doubles to before collecting; the extra copying costs little.
		grown := make([]byte, len(p.data), max(need, len(p.data)+len(p.data)/8, 16))
		copy(grown, p.data)
		p.data = grown
	}
	p.data = binary.AppendUvarint(p.data, uint64(gap))
	if tf < 255 {
		p.data = append(p.data, byte(tf))
	} else {
		p.data = binary.AppendUvarint(append(p.data, 255), uint64(tf))
	}
	p.last = o
	p.df++
}

// each calls fn for every passage listed, in ordinal order.
func (p *postings) each(fn func(o, tf uint32)) {
	d := p.data
	o := uint32(0)
	for i := 0; i < len(d); {
		gap := uint32(d[i])
		if gap < 0x80 {
			i++
		} else {
			g, n := binary.Uvarint(d[i:])
			gap, i = uint32(g), i+n
		}
		o += gap
		tf := uint32(d[i])
		i++
		if tf == 255 {
			t, n := binary.Uvarint(d[i:])
			tf, i = uint32(t), i+n
		}
		fn(o, tf)
	}
}

// Flags of a sentence held by the index.
const (
	sentQuantity uint8 = 1 << iota // meets CueQuantity
	sentDate                       // meets CueDate
	sentSpan                       // meets CueSpan
)

type passageMeta struct {
	docID     string
	source    string // lower-cased
	published int64  // unix seconds, math.MinInt64 when unknown
	lang      string // the document's language, "" when unknown
}

// titleWeight is how much a title term counts beside a text term, as
// bm25(0.4, 1.0) did in FTS5.
const titleWeight = 0.4

const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

func newIndex(lex *lexicon.Analyzer) *index {
	ix := &index{lex: lex, seed: maphash.MakeSeed(), log: newChangeLog("passage_log"), hits: newHitCache(hitCacheBytes)}
	ix.reset()
	return ix
}

// reset empties the index, to be loaded again.
func (ix *index) reset() {
	ix.applied = -1
	ix.gen++ // ordinals will be given again: the hit cache's entries are not theirs
	ix.ord, ix.ids, ix.textLen, ix.meta, ix.ttlLen = map[int64]uint32{}, nil, nil, nil, nil
	ix.live, ix.sumText, ix.sumTtl = 0, 0, 0
	ix.terms, ix.text, ix.title = map[string]uint32{}, nil, nil
	ix.sentAt, ix.sentBlocks, ix.textHash = nil, nil, nil
	ix.sources = map[string]string{}
}

// loaded reports whether the index has loaded the passages once.
func (ix *index) loaded() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.applied >= 0
}

// catchUp applies what changed in the store since the index last looked.
// The first call loads every passage.
func (ix *index) catchUp(ctx context.Context, db *sql.DB) error {
	head, err := ix.head(ctx, db)
	if err != nil {
		return fmt.Errorf("read change log: %w", err)
	}
	ix.mu.RLock()
	current := ix.applied == head
	ix.mu.RUnlock()
	if current {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.applied < 0 {
		return ix.load(ctx, db, head)
	}
	if ix.applied >= head {
		return nil
	}
	from := ix.applied
	if err := ix.apply(ctx, db, head); err != nil {
		return err
	}
	// Read after the entries: a prune that took entries this index had
	// not applied committed before they were read, so it shows here.
	pruned, err := ix.log.prunedUpTo(ctx, db)
	if err != nil {
		return fmt.Errorf("read change log: %w", err)
	}
	if pruned > from {
		slog.Info("search index reloads: the change log was pruned past it", "applied", from, "pruned", pruned)
		ix.reset()
		return ix.load(ctx, db, head)
	}
	return nil
}

// apply applies the log entries after the last applied, up to head. A
// passage deleted and inserted again (a rowid reused) reads its newest
// text; applying an insert for a passage held is a no-op. Inserted
// passages are analysed a batch at a time on every core, as in load.
func (ix *index) apply(ctx context.Context, db *sql.DB, head int64) error {
	rows, err := db.QueryContext(ctx, `SELECT l.seq, l.op, l.passage_id, p.title, p.text, d.id, d.source, d.lang, d.published
		FROM passage_log l LEFT JOIN passages p ON p.id = l.passage_id LEFT JOIN documents d ON d.id = p.doc_id
		WHERE l.seq > ? AND l.seq <= ? ORDER BY l.seq`, ix.applied, head)
	if err != nil {
		return fmt.Errorf("read change log: %w", err)
	}
	defer rows.Close()
	var batch []logEntry
	for rows.Next() {
		var e logEntry
		var op string
		var title, text, docID, source, lang sql.NullString
		var seq int64
		if err := rows.Scan(&seq, &op, &e.row.id, &title, &text, &docID, &source, &lang, &e.row.published); err != nil {
			return fmt.Errorf("read change log: %w", err)
		}
		e.delete = op == "d"
		if !e.delete && !(text.Valid && docID.Valid) {
			e.gone = true // inserted, then deleted or replaced later in the log
		}
		e.row.title, e.row.text, e.row.docID, e.row.source, e.row.lang = title.String, text.String, docID.String, source.String, lang.String
		if batch = append(batch, e); len(batch) == loadBatch {
			ix.applyBatch(batch)
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read change log: %w", err)
	}
	ix.applyBatch(batch)
	ix.applied = head
	return nil
}

// logEntry is one passage_log entry with the passage it names, as it is
// now (load reads every passage as an insert).
type logEntry struct {
	delete, gone bool
	row          passageRow
}

// applyBatch analyses the passages inserted in a batch of log entries on
// every core, then applies the entries in order. Applying an entry twice
// changes nothing, so a catch-up that fails halfway may start again from
// the last seq it recorded.
func (ix *index) applyBatch(batch []logEntry) {
	out := make([]analysedPassage, len(batch))
	workers := min(runtime.GOMAXPROCS(0), len(batch))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(batch); i += workers {
				if e := &batch[i]; !e.delete && !e.gone {
					out[i] = ix.analyse(e.row)
					ix.knownIDs(&out[i])
				}
			}
		})
	}
	wg.Wait()
	for i, e := range batch {
		switch {
		case e.delete:
			ix.remove(e.row.id)
		case e.gone:
		default:
			if _, ok := ix.ord[e.row.id]; !ok {
				ix.insert(&out[i])
			}
		}
	}
}

// head is the last seq of passage_log.
func (ix *index) head(ctx context.Context, db *sql.DB) (int64, error) {
	rows, err := ix.stmts.query(ctx, db, `SELECT coalesce(max(seq), 0) FROM passage_log`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var head int64
	if rows.Next() {
		err = rows.Scan(&head)
	}
	return head, errors.Join(err, rows.Err())
}

// load reads every passage. Passages written after head are read too; the
// log entries after head that describe them are then no-ops. Passages are
// analysed a batch at a time on every core, then added in order.
func (ix *index) load(ctx context.Context, db *sql.DB, head int64) error {
	start := time.Now()
	var count int
	if err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM stats WHERE name = 'passages'), 0)`).Scan(&count); err != nil {
		return fmt.Errorf("load index: %w", err)
	}
	ix.presize(count)
	var restoreGC func() // set once the load is far enough along to lower GOGC
	defer func() {
		if restoreGC != nil {
			restoreGC()
		}
	}()
	// A corpus the hit cache can hold is read whole, documents included,
	// and its rows fill the cache: its searches then read only the head.
	prefill := count <= hitCachePrefill
	query := `SELECT p.id, p.title, p.text, d.id, d.source, d.lang, d.published
		FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id`
	if prefill {
		query = `SELECT p.id, p.doc_id, p.seq, p.text, p.title, ` + docColumns + `
		FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id`
	}
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("load index: %w", err)
	}
	defer rows.Close()
	batch := make([]logEntry, 0, loadBatch)
	var hits []Hit // the batch's rows, when prefilling
	var ds docScan
	var p Passage
	var title string
	dest := ds.dest(&p.ID, &p.DocID, &p.Seq, &p.Text, &title)
	flush := func() {
		ix.applyBatch(batch)
		for _, h := range hits {
			if o, ok := ix.ord[h.ID]; ok {
				ix.hits.put(ix.gen, o, h, true)
			}
		}
		batch, hits = batch[:0], hits[:0]
	}
	for rows.Next() {
		var e logEntry
		r := &e.row
		if prefill {
			if err := rows.Scan(dest...); err != nil {
				return fmt.Errorf("load index: %w", err)
			}
			h := Hit{Passage: p, Doc: ds.document()}
			hits = append(hits, h)
			r.id, r.title, r.text, r.docID, r.source, r.lang = p.ID, title, p.Text, h.Doc.ID, h.Doc.Source, h.Doc.Lang
			r.published = ds.published
		} else if err := rows.Scan(&r.id, &r.title, &r.text, &r.docID, &r.source, &r.lang, &r.published); err != nil {
			return fmt.Errorf("load index: %w", err)
		}
		if batch = append(batch, e); len(batch) == loadBatch {
			flush()
			if restoreGC == nil && count >= bigLoad && ix.live*100 >= count*loadGCFrom {
				restoreGC = lowerGCPercent(loadGCPercent)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load index: %w", err)
	}
	flush()
	ix.applied = head
	ix.compact()
	if ix.live >= bigLoad {
		// Loading made about twice the index's size in garbage, which the
		// heap keeps for later unless told: hand it back, so a serving
		// process stays near the size of what it holds.
		debug.FreeOSMemory()
	}
	if ix.live > 0 {
		slog.Info("search index loaded", "passages", ix.live, "terms", len(ix.terms), "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// bigLoad is the number of passages from which a load minds the heap:
// it collects more often while it runs, and hands its garbage back to the
// OS when done.
const bigLoad = 10_000

// loadGCPercent is GOGC while a big index loads. A load makes some fifty
// times the index's size in garbage (the analysis of every word), and at
// the default 100 the heap grows to twice what it holds before each
// collection, so the peak of a process is the load: at 100k passages RSS
// 147-149 MB with 100, 122 MB with 50 (103 MB with 25), for a sixth more
// CPU in the load (two fifths with 25).
const loadGCPercent = 50

// loadGCFrom is the share of a big load, in percent, after which GOGC is
// lowered. The collector's work over a load grows as 1/GOGC, and the peak
// is set by the heap held at the end: lowered for the last part only, the
// peak is the same for less than half the extra collecting (at 60%, the
// index holds 60% of its size: twice that is below 1.5 times the whole).
const loadGCFrom = 60

// lowerGCPercent sets GOGC to at most p and returns what puts back the
// setting it found. A lower setting, or the collector off, is left alone.
func lowerGCPercent(p int) (restore func()) {
	old := debug.SetGCPercent(p)
	if old <= p { // GOGC=off is negative
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() {
		// Another load that lowered it in the meantime and finished first
		// put back the same value; one lowered since (still ours) is ours
		// to restore.
		if cur := debug.SetGCPercent(old); cur != p {
			debug.SetGCPercent(cur)
		}
	}
}

// presize makes room for n passages in the per-passage arrays of an
// empty index: grown by append, they would hold up to a quarter more than
// needed while loading, and leave four times their size in garbage.
func (ix *index) presize(n int) {
	if n <= 0 {
		return
	}
	ix.ord = make(map[int64]uint32, n)
	ix.ids = make([]int64, 0, n)
	ix.textLen, ix.ttlLen = make([]uint16, 0, n), make([]uint16, 0, n)
	ix.meta = make([]passageMeta, 0, n)
	ix.sentAt = make([]sentRef, 0, n)
	ix.textHash = make([]uint64, 0, n)
}

// loadBatch is how many passages load analyses at once.
const loadBatch = 512

// passageRow is a passage as the index reads it from the store.
type passageRow struct {
	id                               int64
	title, text, docID, source, lang string
	published                        sql.NullInt64
}

// analysedPassage is what adding a passage needs of its text, worked out
// apart from the index, so that several can be analysed at once.
type analysedPassage struct {
	row                   passageRow
	textTerms, titleTerms []string
	sentences             []analysedSentence
	hash                  uint64
	// The ids the index had given the terms when they were analysed
	// (noTermID: none yet), beside textTerms and titleTerms; nil when
	// not looked up.
	textIDs, titleIDs []uint32
}

// analysedSentence is a sentence as analyseSentence reads it, for the
// index to keep (see addSentences).
type analysedSentence struct {
	flags uint8
	stems int      // the first stems of terms are its content stems, in order
	terms []string // then come the groups it holds
	ids   []uint32 // as analysedPassage's textIDs
}

// noTermID marks a term the index had given no id when it was looked up.
const noTermID = math.MaxUint32

// knownIDs looks up the ids the index has given a's terms. Adding a
// passage (one core, the index locked) then looks up only the terms new
// since: this runs in the workers that analyse, while nothing writes the
// index (applyBatch adds the batch after they are done), and at 100k
// passages the lookups were half of the adding.
func (ix *index) knownIDs(a *analysedPassage) {
	n := len(a.textTerms) + len(a.titleTerms)
	for _, st := range a.sentences {
		n += len(st.terms)
	}
	ids := make([]uint32, n)
	lookUp := func(terms []string) []uint32 {
		out := ids[:len(terms):len(terms)]
		ids = ids[len(terms):]
		for i, t := range terms {
			id, ok := ix.terms[t]
			if !ok {
				id = noTermID
			}
			out[i] = id
		}
		return out
	}
	a.textIDs, a.titleIDs = lookUp(a.textTerms), lookUp(a.titleTerms)
	for i := range a.sentences {
		a.sentences[i].ids = lookUp(a.sentences[i].terms)
	}
}

// idOf is the id of terms[i], from ids when it was known (ids may be nil).
func (ix *index) idOf(terms []string, ids []uint32, i int) uint32 {
	if ids != nil && ids[i] != noTermID {
		return ids[i]
	}
	return ix.termID(terms[i])
}

// analyse works out a passage's terms and its sentences' analysis (the
// rerank's analyseSentence on each of SplitSentences). It reads nothing of
// the index but its Analyzer, so passages may be analysed concurrently.
//
// The text is analysed once: a sentence's terms are those of the text
// within it (see sentenceTerms), not a second analysis of the same
// words, which made a third of a load's CPU.
func (ix *index) analyse(r passageRow) analysedPassage {
	terms := ix.lex.Analyze(r.text, r.lang)
	// What IndexTerms gives, from the terms at hand.
	textTerms := make([]string, 0, len(terms)+4)
	for _, t := range terms {
		if !t.Stop {
			textTerms = append(textTerms, t.Stem)
		}
	}
	textTerms = append(textTerms, ix.lex.Groups(terms, r.lang)...)
	a := analysedPassage{row: r, hash: maphash.String(ix.seed, r.text),
		textTerms: textTerms, titleTerms: ix.lex.IndexTerms(r.title, r.lang)}
	split := SplitSentences(r.text)
	a.sentences = make([]analysedSentence, 0, len(split))
	// The sentences' terms, one after the other in one slice (about as
	// many as the text's), instead of a slice grown for each sentence.
	all := make([]string, 0, len(a.textTerms)+8)
	var at sentenceCursor
	for _, sent := range split {
		terms := at.sentenceTerms(r.text, terms, sent)
		if terms == nil {
			terms = ix.lex.Analyze(sent, r.lang)
		}
		var st analysedSentence
		start := len(all)
		for _, t := range terms {
			if !t.Stop {
				all = append(all, t.Stem)
			}
		}
		st.stems = len(all) - start
		all = append(all, ix.lex.Groups(terms, r.lang)...)
		st.terms = all[start:len(all):len(all)]
		if len(st.terms) == 0 {
			continue // it would score nothing
		}
		st.flags = cueFlags(terms)
		a.sentences = append(a.sentences, st)
	}
	return a
}

// cueFlags says which cues a sentence's terms meet: a quantity, a date, a span.
func cueFlags(terms []lexicon.Term) byte {
	var f byte
	word := func(i int) string { return terms[i].Text }
	if CueQuantity.metBy(len(terms), word) {
		f |= sentQuantity
	}
	if CueDate.metBy(len(terms), word) {
		f |= sentDate
	}
	if CueSpan.metBy(len(terms), word) {
		f |= sentSpan
	}
	return f
}

// sentenceCursor walks a text's sentences in order: where the last one
// found ended, in bytes and in the text's terms.
type sentenceCursor struct{ end, term int }

// sentenceTerms returns what Analyze gives for sent, taken from terms,
// the analysis of text: the terms of the text between sent's ends, when
// sent is found in text after the last sentence and those terms are
// sure to be sent's own. It returns nil when not sure: the caller then
// analyses sent apart.
//
// Sure means sent is text[s:e] with whitespace (or the text's end) on
// both sides, no term of the text crosses s or e, and sent does not end
// in an apostrophe. A sentence is then tokenized alone as within its
// text: a token starts at a letter or a digit, after the whitespace
// before s a token in the text starts at s or later, and inside sent
// the scan sees the same bytes. What looks past a token's end is a
// number's group separator (a space: then the term would cross e) and an
// apostrophe's elision or possessive, which at sent's last byte reads
// the text's next byte ("l'" ends a sentence as the word "l", but is an
// elided article before the next sentence in the text). A stem, and
// whether a word is a stop word, depend on the word alone (and on its
// surface, the same bytes). TestAnalyseOnce compares the two analyses on
// every passage of the bundled and synthetic corpora and on such edges.
func (c *sentenceCursor) sentenceTerms(text string, terms []lexicon.Term, sent string) []lexicon.Term {
	if sent == "" {
		return nil
	}
	i := strings.Index(text[c.end:], sent)
	if i < 0 {
		return nil
	}
	s := c.end + i
	e := s + len(sent)
	if (s > 0 && !asciiSpace(text[s-1])) || (e < len(text) && !asciiSpace(text[e])) {
		return nil
	}
	if last, _ := utf8.DecodeLastRuneInString(sent); last == '\'' || last == '’' || last == 'ʼ' {
		return nil
	}
	k := c.term
	for k < len(terms) && terms[k].Start < s {
		if terms[k].End > s {
			return nil
		}
		k++
	}
	j := k
	for j < len(terms) && terms[j].End <= e {
		j++
	}
	if j < len(terms) && terms[j].Start < e {
		return nil
	}
	c.end, c.term = e, j
	if j == k {
		return []lexicon.Term{} // not nil: found, and holding no word
	}
	return terms[k:j:j]
}

func asciiSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// insert adds an analysed passage to the index.
func (ix *index) insert(a *analysedPassage) {
	r := &a.row
	o := uint32(len(ix.ids))
	ix.ord[r.id] = o
	ix.ids = append(ix.ids, r.id)
	src := strings.ToLower(r.source)
	if s, ok := ix.sources[src]; ok {
		src = s
	} else {
		ix.sources[src] = src
	}
	pub := int64(math.MinInt64)
	if r.published.Valid {
		pub = r.published.Int64
	}
	ix.meta = append(ix.meta, passageMeta{docID: r.docID, source: src, published: pub, lang: r.lang})
	n := ix.addTerms(&ix.text, a.textTerms, a.textIDs, o)
	ix.textLen = append(ix.textLen, n)
	t := ix.addTerms(&ix.title, a.titleTerms, a.titleIDs, o)
	ix.ttlLen = append(ix.ttlLen, t)
	ix.sumText += int64(n)
	ix.sumTtl += int64(t)
	ix.live++
	ix.addSentences(a.sentences)
	ix.textHash = append(ix.textHash, a.hash)
}

// addSentences keeps a passage's analysed sentences as term ids, in one
// byte string: for each sentence its flags byte, the uvarints of its
// number of content stems and of the length in bytes of its ids, then the
// uvarints of the stems' ids in order and of its groups' ids. Ids go by
// first appearance, so common words take one or two bytes.
func (ix *index) addSentences(sents []analysedSentence) {
	buf := ix.sentBuf[:0]
	var enc []byte
	for _, st := range sents {
		enc = enc[:0]
		for i := range st.terms {
			enc = binary.AppendUvarint(enc, uint64(ix.idOf(st.terms, st.ids, i)))
		}
		buf = append(buf, st.flags)
		buf = binary.AppendUvarint(buf, uint64(st.stems))
		buf = binary.AppendUvarint(buf, uint64(len(enc)))
		buf = append(buf, enc...)
	}
	last := len(ix.sentBlocks) - 1
	if last < 0 || len(ix.sentBlocks[last])+len(buf) > cap(ix.sentBlocks[last]) {
		ix.sentBlocks = append(ix.sentBlocks, make([]byte, 0, max(sentBlock, len(buf))))
		last++
	}
	b := ix.sentBlocks[last]
	ix.sentAt = append(ix.sentAt, sentRef{block: uint32(last), start: uint32(len(b)), end: uint32(len(b) + len(buf))})
	ix.sentBlocks[last] = append(b, buf...)
	ix.sentBuf = buf
}

// sentBlock is the size of the blocks that hold the sentence analysis.
const sentBlock = 1 << 20

// sentRef is where a passage's sentence analysis is in the blocks.
type sentRef struct{ block, start, end uint32 }

// sentencesOf returns the sentence analysis of ordinal o.
func (ix *index) sentencesOf(o uint32) []byte {
	r := ix.sentAt[o]
	return ix.sentBlocks[r.block][r.start:r.end]
}

// termID returns the id of a term, giving it one if it has none.
func (ix *index) termID(t string) uint32 {
	if id, ok := ix.terms[t]; ok {
		return id
	}
	id := uint32(len(ix.terms))
	ix.terms[strings.Clone(t)] = id // t may point into a whole passage
	return id
}

// compact trims every posting list to its length: slices grown by append hold up to twice what they need, and at
// 100k passages that slack is tens of megabytes held for the life of the
// process.
func (ix *index) compact() {
	for _, field := range [][]*postings{ix.text, ix.title} {
		for _, p := range field {
			if p != nil && cap(p.data) > len(p.data) {
				p.data = slices.Clone(p.data)
			}
		}
	}
}

// addTerms adds one passage's terms to a field's postings and returns
// their count. known is as analysedPassage's textIDs, or nil.
func (ix *index) addTerms(field *[]*postings, terms []string, known []uint32, o uint32) uint16 {
	ids := ix.idBuf[:0]
	for i := range terms {
		ids = append(ids, ix.idOf(terms, known, i))
	}
	slices.Sort(ids)
	for i := 0; i < len(ids); {
		id, j := ids[i], i+1
		for j < len(ids) && ids[j] == id {
			j++
		}
		if int(id) >= len(*field) {
			*field = append(*field, make([]*postings, int(id)+1-len(*field))...)
		}
		p := (*field)[id]
		if p == nil {
			p = &postings{}
			(*field)[id] = p
		}
		p.add(o, uint32(min(j-i, math.MaxUint16)))
		i = j
	}
	ix.idBuf = ids
	return uint16(min(len(terms), math.MaxUint16))
}

// remove marks a passage deleted. Its postings stay, skipped when scoring,
// and still count in document frequencies until the next load: a document
// replaced now and then shifts idf by a hair, and finding the postings of a
// passage whose text is gone would cost a walk of the whole vocabulary.
func (ix *index) remove(id int64) {
	o, ok := ix.ord[id]
	if !ok {
		return
	}
	delete(ix.ord, id)
	ix.ids[o] = 0
	ix.live--
	ix.sumText -= int64(ix.textLen[o])
	ix.sumTtl -= int64(ix.ttlLen[o])
}

// df is how many live passages hold term in text or title (the larger).
func (ix *index) df(term string) int {
	return ix.queryTerm(term, 0).df
}

// queryTerm is term as a query scores it at weight: its postings in text
// and title, and df.
func (ix *index) queryTerm(term string, weight float64) queryTerm {
	qt := queryTerm{term: term, weight: weight}
	id, ok := ix.terms[term]
	if !ok {
		return qt
	}
	n := 0
	if int(id) < len(ix.text) && ix.text[id] != nil {
		qt.text = ix.text[id]
		n = int(qt.text.df)
	}
	if int(id) < len(ix.title) && ix.title[id] != nil {
		qt.title = ix.title[id]
		n = max(n, int(qt.title.df))
	}
	qt.df = min(n, ix.live)
	return qt
}

// filter says whether a passage may be returned.
type filter struct {
	since  int64
	source string
	docs   map[string]bool
}

// queryFilter is the filter a query's Since, Source and DocIDs ask for.
func queryFilter(q Query) filter {
	f := filter{since: math.MinInt64, source: strings.ToLower(q.Source)}
	if !q.Since.IsZero() {
		f.since = q.Since.Unix()
	}
	if len(q.DocIDs) > 0 {
		f.docs = make(map[string]bool, len(q.DocIDs))
		for _, id := range q.DocIDs {
			f.docs[id] = true
		}
	}
	return f
}

func (f filter) active() bool { return f.since != math.MinInt64 || f.source != "" || f.docs != nil }

func (f filter) allows(m passageMeta) bool {
	if f.since != math.MinInt64 && (m.published == math.MinInt64 || m.published < f.since) {
		return false
	}
	if f.source != "" && m.source != f.source {
		return false
	}
	return f.docs == nil || f.docs[m.docID]
}

type scored struct {
	id    int64
	score float64
	ord   uint32 // the passage's ordinal in the index that scored it
}

type scoreBuf struct {
	acc     []float32
	touched []uint32
}

// topK scores every passage holding one of terms with BM25 (text and,
// at titleWeight, title; each term at its query weight) by term-at-a-time
// accumulation, and returns the best k passage ids allowed by f, best
// first.
func (ix *index) topK(terms []queryTerm, k int, f filter) []scored {
	n := len(ix.ids)
	if n == 0 || ix.live == 0 {
		return nil
	}
	buf, _ := ix.scores.Get().(*scoreBuf)
	if buf == nil {
		buf = &scoreBuf{}
	}
	if len(buf.acc) < n {
		buf.acc = make([]float32, n+n/4)
	}
	acc, touched := buf.acc, buf.touched[:0]
	live := float64(ix.live)
	avgText := math.Max(float64(ix.sumText)/live, 1)
	avgTtl := math.Max(float64(ix.sumTtl)/live, 1)
	for _, qt := range terms {
		w := qt.weight * idf(ix.live, qt.df)
		for fi, p := range [2]*postings{qt.text, qt.title} {
			if p == nil {
				continue
			}
			lens, avg, fw := ix.textLen, avgText, w
			if fi == 1 {
				lens, avg, fw = ix.ttlLen, avgTtl, w*titleWeight
			}
			fullW := fw / qt.weight // the weight in passages of qt.fullIn, where the term counts fully
			// Per-length norms precomputed would save a division; the
			// division is not what costs here.
			// The decoding of postings.each, written out: a call per
			// posting would cost more than the decoding.
			d, o := p.data, uint32(0)
			for i := 0; i < len(d); {
				gap := uint32(d[i])
				if gap < 0x80 {
					i++
				} else {
					g, n := binary.Uvarint(d[i:])
					gap, i = uint32(g), i+n
				}
				o += gap
				t := uint32(d[i])
				i++
				if t == 255 {
					v, n := binary.Uvarint(d[i:])
					t, i = uint32(v), i+n
				}
				tf := float64(t)
				norm := bm25K1 * (1 - bm25B + bm25B*float64(lens[o])/avg)
				if acc[o] == 0 {
					touched = append(touched, o)
				}
				tw := fw
				if qt.fullIn != "" && ix.meta[o].lang == qt.fullIn {
					tw = fullW
				}
				acc[o] += float32(tw * tf * (bm25K1 + 1) / (tf + norm))
			}
		}
	}
	h := make(scoreHeap, 0, k+1)
	checkFilter := f.active()
	for _, o := range touched {
		sc := acc[o]
		acc[o] = 0
		if ix.ids[o] == 0 || (checkFilter && !f.allows(ix.meta[o])) {
			continue
		}
		if len(h) < k {
			h = append(h, scored{id: ix.ids[o], score: float64(sc), ord: o})
			h.up(len(h) - 1)
		} else if float64(sc) > h[0].score {
			h[0] = scored{id: ix.ids[o], score: float64(sc), ord: o}
			h.down(0)
		}
	}
	buf.touched = touched
	ix.scores.Put(buf)
	// Best first, as popping the heap would give them.
	slices.SortFunc(h, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return h
}

// scoreHeap is a min-heap on score (ties: higher id first out, so the
// lower id, the older passage, wins a tie as FTS5's rowid order did). Its
// own up and down, not container/heap's: boxing each pushed and popped
// value in an interface cost an allocation a candidate.
type scoreHeap []scored

func (h scoreHeap) less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].id > h[j].id
}

func (h scoreHeap) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !h.less(j, i) {
			return
		}
		h[i], h[j] = h[j], h[i]
		j = i
	}
}

func (h scoreHeap) down(i int) {
	for {
		j := 2*i + 1
		if j >= len(h) {
			return
		}
		if r := j + 1; r < len(h) && h.less(r, j) {
			j = r
		}
		if !h.less(j, i) {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}
