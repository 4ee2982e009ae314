package brief

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/mss-brief/briefbot/internal/document"
)

// EvalFile is a set of questions with what retrieval should find for each.
type EvalFile struct {
	K         int            `yaml:"k"` // recall is measured in the top K passages; 0: 5
	Questions []EvalQuestion `yaml:"questions"`
}

// EvalKind is what a question tests; the report is broken down by it.
type EvalKind string

// The kinds of eval question.
const (
	KindFact          EvalKind = "fact"           // one fact stated in one document
	KindWhyHow        EvalKind = "why_how"        // a reason or a manner
	KindTimeSensitive EvalKind = "time_sensitive" // the present state; the newest document answers
	KindCrossDocument EvalKind = "cross_document" // needs two documents
	KindParaphrase    EvalKind = "paraphrase"     // the reader's words, not the reporter's
	KindCrossLingual  EvalKind = "cross_lingual"  // asked in another language than the document's
	KindUnanswerable  EvalKind = "unanswerable"   // on topic, but no document says it
	KindOffTopic      EvalKind = "off_topic"      // nothing to do with the corpus
)

// EvalKinds lists the kinds in report order.
var EvalKinds = []EvalKind{KindFact, KindWhyHow, KindTimeSensitive, KindCrossDocument, KindParaphrase, KindCrossLingual, KindUnanswerable, KindOffTopic}

// abstains reports whether questions of kind k must make the bot abstain.
func (k EvalKind) abstains() bool { return k == KindUnanswerable || k == KindOffTopic }

// Phrases is a list of things that must all be found; each is a list of
// alternatives, any one of which will do. In YAML a plain string is one
// phrase, and a list item that is a string is a phrase without alternatives:
// `"5,550"`, `["China", "Pakistan"]`, `[["Ruiz Massieu", "Ruiz-Massieu"], "2027"]`.
type Phrases [][]string

// UnmarshalYAML accepts a string, or a list of strings and lists of strings.
func (p *Phrases) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*p = Phrases{{n.Value}}
		return nil
	case yaml.SequenceNode:
		out := make(Phrases, 0, len(n.Content))
		for _, item := range n.Content {
			switch item.Kind {
			case yaml.ScalarNode:
				out = append(out, []string{item.Value})
			case yaml.SequenceNode:
				var alts []string
				if err := item.Decode(&alts); err != nil {
					return err
				}
				out = append(out, alts)
			default:
				return fmt.Errorf("line %d: want a phrase or a list of alternative phrases", item.Line)
			}
		}
		*p = out
		return nil
	}
	return fmt.Errorf("line %d: want a phrase or a list of phrases", n.Line)
}

// Dates is one or more YYYY-MM-DD dates, any of which is right.
type Dates []string

// UnmarshalYAML accepts one date or a list of them.
func (d *Dates) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*d = Dates{n.Value}
		return nil
	case yaml.SequenceNode:
		var out []string
		if err := n.Decode(&out); err != nil {
			return err
		}
		*d = out
		return nil
	}
	return fmt.Errorf("line %d: want a date or a list of dates", n.Line)
}

// EvalQuestion is one question. Answerable ones name the acceptable
// documents (file names without extension), the phrase(s) one of their
// retrieved passages must hold and the key facts the answer must hold;
// unanswerable and off-topic ones must make the bot abstain.
type EvalQuestion struct {
	Kind     EvalKind `yaml:"kind" json:"kind"`
	Question string   `yaml:"question" json:"question"`
	// Doc is the older single-document form; ParseEval moves it into Docs.
	Doc          string   `yaml:"doc" json:"-"`
	Docs         []string `yaml:"docs" json:"docs,omitempty"`
	Expect       Phrases  `yaml:"expect" json:"expect,omitempty"`
	Facts        Phrases  `yaml:"facts" json:"facts,omitempty"`
	AsOf         Dates    `yaml:"as_of" json:"as_of,omitempty"`
	Unanswerable bool     `yaml:"unanswerable" json:"unanswerable,omitempty"` // set for unanswerable and off_topic
}

// defaultEvalK is the recall depth when a file gives none.
const defaultEvalK = 5

// LoadEval reads and checks a question file.
func LoadEval(file string) (EvalFile, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return EvalFile{}, fmt.Errorf("eval file: %w", err)
	}
	f, err := ParseEval(data)
	if err != nil {
		return EvalFile{}, fmt.Errorf("eval file %s: %w", file, err)
	}
	return f, nil
}

// ParseEval parses a question file and names the first entry to fix.
func ParseEval(data []byte) (EvalFile, error) {
	var f EvalFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return EvalFile{}, err
	}
	if f.K < 0 {
		return EvalFile{}, errors.New("k: must not be negative")
	}
	if f.K == 0 {
		f.K = defaultEvalK
	}
	if len(f.Questions) == 0 {
		return EvalFile{}, errors.New("questions: the file holds none")
	}
	for i := range f.Questions {
		if err := f.Questions[i].normalize(); err != nil {
			return EvalFile{}, fmt.Errorf("questions[%d]%s: %w", i, quoted(f.Questions[i].Question), err)
		}
	}
	return f, nil
}

func quoted(q string) string {
	q = strings.TrimSpace(q)
	if q == "" {
		return ""
	}
	if r := []rune(q); len(r) > 50 {
		q = string(r[:50]) + "…"
	}
	return fmt.Sprintf(" (%q)", q)
}

// normalize fills the defaults (kind, docs from doc) and checks the entry.
func (q *EvalQuestion) normalize() error {
	if strings.TrimSpace(q.Question) == "" {
		return errors.New("question is empty")
	}
	if q.Doc != "" {
		if !slices.Contains(q.Docs, q.Doc) {
			q.Docs = append([]string{q.Doc}, q.Docs...)
		}
		q.Doc = ""
	}
	switch {
	case q.Kind == "" && q.Unanswerable:
		q.Kind = KindUnanswerable
	case q.Kind == "":
		q.Kind = KindFact
	case !slices.Contains(EvalKinds, q.Kind):
		return fmt.Errorf("kind %q is not one of %v", q.Kind, EvalKinds)
	case q.Unanswerable && !q.Kind.abstains():
		return fmt.Errorf("unanswerable: true contradicts kind %s", q.Kind)
	}
	q.Unanswerable = q.Kind.abstains()
	if q.Unanswerable {
		if len(q.Docs) > 0 || len(q.Expect) > 0 || len(q.Facts) > 0 || len(q.AsOf) > 0 {
			return fmt.Errorf("an %s question takes no doc, docs, expect, facts or as_of", q.Kind)
		}
		return nil
	}
	if len(q.Docs) == 0 || len(q.Expect) == 0 {
		return errors.New("give docs and expect, or kind: unanswerable / off_topic")
	}
	for _, d := range q.Docs {
		if strings.TrimSpace(d) == "" {
			return errors.New("docs: a document name is empty")
		}
	}
	for name, p := range map[string]Phrases{"expect": q.Expect, "facts": q.Facts} {
		for _, alts := range p {
			if len(alts) == 0 || slices.ContainsFunc(alts, func(s string) bool { return evalFold(s) == "" }) {
				return fmt.Errorf("%s: a phrase is empty", name)
			}
		}
	}
	switch {
	case q.Kind == KindTimeSensitive && len(q.AsOf) == 0:
		return errors.New("a time_sensitive question needs as_of (YYYY-MM-DD, the newest answering document's date)")
	case q.Kind != KindTimeSensitive && len(q.AsOf) > 0:
		return fmt.Errorf("as_of is for time_sensitive questions, not %s", q.Kind)
	}
	for _, d := range q.AsOf {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("as_of %q: want YYYY-MM-DD", d)
		}
	}
	return nil
}

// EvalResult is how the bot did on one question.
type EvalResult struct {
	EvalQuestion
	// Rank is the position in the top K at which every expected phrase has
	// been seen in a passage of an expected document; 0: not all in the top K.
	Rank            int      `json:"rank"`
	Retrieved       []string `json:"retrieved,omitempty"` // documents of the top K passages, best first
	Mode            Mode     `json:"mode"`
	Abstained       bool     `json:"abstained"`
	AbstentionRight bool     `json:"abstention_right"` // abstained exactly when unanswerable
	CitedDoc        bool     `json:"cited_doc"`        // the answer cites one of the expected documents
	CitedDocs       []string `json:"cited_docs,omitempty"`
	// FactsHeld: the answer holds every key fact; nil when the question
	// gives none.
	FactsHeld        *bool    `json:"facts_held,omitempty"`
	MissingFacts     []string `json:"missing_facts,omitempty"`
	AsOfGot          string   `json:"as_of_got,omitempty"`
	AsOfRight        *bool    `json:"as_of_right,omitempty"` // nil unless time_sensitive
	Markers          int      `json:"markers"`               // citation markers left in the answer
	DroppedCitations int      `json:"dropped_citations"`
	Answer           string   `json:"answer"`
}

// EvalScore sums up a set of questions (one kind, or all). Each rate has
// its denominator beside it; a rate whose denominator is 0 is 0 and shown
// as n/a.
type EvalScore struct {
	Kind         EvalKind `json:"kind,omitempty"` // empty for the overall score
	Questions    int      `json:"questions"`
	Answerable   int      `json:"answerable"`
	Unanswerable int      `json:"unanswerable"` // unanswerable and off-topic: must abstain
	Found        int      `json:"found"`        // answerable whose phrases are all in the top K
	RecallAtK    float64  `json:"recall_at_k"`
	MRR          float64  `json:"mrr"`
	WithFacts    int      `json:"with_facts"` // answerable questions giving key facts
	FactsHeld    int      `json:"facts_held"`
	FactRate     float64  `json:"fact_rate"` // FactsHeld / WithFacts; an abstention holds none
	Answered     int      `json:"answered"`  // answerable questions the bot answered
	CitedRight   int      `json:"cited_right"`
	CitedRate    float64  `json:"cited_rate"` // CitedRight / Answered
	// AbstainedRight of Unanswerable abstained, as they should.
	AbstainedRight   int     `json:"abstained_right"`
	AbstainRate      float64 `json:"abstain_rate"`
	FalseAbstentions int     `json:"false_abstentions"`     // answerable questions abstained on
	FalseAbstainRate float64 `json:"false_abstention_rate"` // FalseAbstentions / Answerable
	// AbstentionAccuracy: share of all questions abstained on exactly when
	// they should be.
	AbstentionAccuracy float64 `json:"abstention_accuracy"`
	Dated              int     `json:"dated"` // time-sensitive questions
	AsOfRight          int     `json:"as_of_right"`
	AsOfRate           float64 `json:"as_of_rate"`
	rrSum              float64
}

// EvalFailure is one thing a question got wrong.
type EvalFailure struct {
	Kind     EvalKind `json:"kind"`
	Question string   `json:"question"`
	What     string   `json:"what"` // retrieval, fact, citation, abstention or as_of
	Expected string   `json:"expected"`
	Got      string   `json:"got"`
}

// EvalReport sums up a run.
type EvalReport struct {
	K                  int     `json:"k"`
	Questions          int     `json:"questions"`
	Answerable         int     `json:"answerable"`
	Unanswerable       int     `json:"unanswerable"`
	RecallAtK          float64 `json:"recall_at_k"`         // share of answerable questions whose passage is in the top K
	MRR                float64 `json:"mrr"`                 // mean reciprocal rank of that passage (0 when missing)
	AbstentionAccuracy float64 `json:"abstention_accuracy"` // share of all questions abstained on exactly when unanswerable
	FalseAbstentions   int     `json:"false_abstentions"`   // answerable questions the bot abstained on
	FalseAnswers       int     `json:"false_answers"`       // unanswerable questions the bot answered
	CitedExpected      float64 `json:"cited_expected"`      // share of answered answerable questions citing an expected document
	// CitationValidity is the share of the [n] markers in the answers the
	// model wrote (and the bot posted) that named a passage it was given;
	// nil when no answer came from a model.
	CitationValidity *float64      `json:"citation_validity"`
	Overall          EvalScore     `json:"overall"`
	ByKind           []EvalScore   `json:"by_kind"` // kinds the file holds, in EvalKinds order
	Failures         []EvalFailure `json:"failures"`
	Results          []EvalResult  `json:"results"`
}

// Kind returns the score of one kind, and whether the file held any.
func (r EvalReport) Kind(k EvalKind) (EvalScore, bool) {
	for _, s := range r.ByKind {
		if s.Kind == k {
			return s, true
		}
	}
	return EvalScore{}, false
}

// Evaluate runs every question of f through retrieval and answering.
func (a *Answerer) Evaluate(ctx context.Context, f EvalFile) (EvalReport, error) {
	k := f.K
	if k <= 0 {
		k = defaultEvalK
	}
	rep := EvalReport{K: k, Questions: len(f.Questions), Failures: []EvalFailure{}}
	kept, dropped, llmAnswers := 0, 0, 0
	for _, q := range f.Questions {
		res, err := a.evalOne(ctx, q, k)
		if err != nil {
			return EvalReport{}, fmt.Errorf("eval %q: %w", q.Question, err)
		}
		// Over the answers the model wrote and the bot posted: a reply set
		// aside for extraction shows none of its markers.
		if res.Mode == ModeLLM {
			llmAnswers++
			kept += res.Markers
			dropped += res.DroppedCitations
		}
		rep.Failures = append(rep.Failures, failuresOf(res, k)...)
		rep.Results = append(rep.Results, res)
	}
	rep.Overall = score("", rep.Results)
	for _, kind := range EvalKinds {
		var of []EvalResult
		for _, r := range rep.Results {
			if r.Kind == kind {
				of = append(of, r)
			}
		}
		if len(of) > 0 {
			rep.ByKind = append(rep.ByKind, score(kind, of))
		}
	}
	o := rep.Overall
	rep.Answerable, rep.Unanswerable = o.Answerable, o.Unanswerable
	rep.RecallAtK, rep.MRR, rep.AbstentionAccuracy = o.RecallAtK, o.MRR, o.AbstentionAccuracy
	rep.FalseAbstentions, rep.FalseAnswers = o.FalseAbstentions, o.Unanswerable-o.AbstainedRight
	rep.CitedExpected = o.CitedRate
	if llmAnswers > 0 && kept+dropped > 0 {
		v := float64(kept) / float64(kept+dropped)
		rep.CitationValidity = &v
	}
	return rep, nil
}

func (a *Answerer) evalOne(ctx context.Context, q EvalQuestion, k int) (EvalResult, error) {
	res := EvalResult{EvalQuestion: q}
	req := Request{Question: q.Question}
	if !q.Unanswerable {
		hits, err := a.Retrieve(ctx, req, k)
		if err != nil {
			return res, err
		}
		res.Rank = rankOf(hits, q)
		for _, h := range hits {
			res.Retrieved = append(res.Retrieved, EvalDocName(h.Doc))
		}
	}
	ans, err := a.Answer(ctx, req)
	if err != nil {
		return res, err
	}
	res.Mode, res.Answer, res.DroppedCitations = ans.Mode, ans.Text, ans.DroppedCitations
	res.Abstained = ans.Mode == ModeAbstained
	res.AbstentionRight = res.Abstained == q.Unanswerable
	if !res.Abstained {
		res.Markers = len(markerRE.FindAllString(ans.Text, -1))
	}
	if q.Unanswerable {
		return res, nil
	}
	if !res.Abstained {
		for _, c := range ans.Citations {
			h, ok := hitOf(ans.Passages, c.DocID)
			if !ok {
				continue
			}
			name := EvalDocName(h.Doc)
			if !slices.Contains(res.CitedDocs, name) {
				res.CitedDocs = append(res.CitedDocs, name)
			}
			if docMatchesAny(h.Doc, q.Docs) {
				res.CitedDoc = true
			}
		}
	}
	if len(q.Facts) > 0 {
		held := !res.Abstained
		text := evalFold(ans.Text)
		for _, alts := range q.Facts {
			if res.Abstained || !containsAny(text, alts) {
				held = false
				res.MissingFacts = append(res.MissingFacts, strings.Join(alts, " | "))
			}
		}
		res.FactsHeld = &held
	}
	if q.Kind == KindTimeSensitive {
		if ans.AsOf != nil && !res.Abstained {
			res.AsOfGot = ans.AsOf.Format(time.DateOnly)
		}
		right := res.AsOfGot != "" && slices.Contains(q.AsOf, res.AsOfGot)
		res.AsOfRight = &right
	}
	return res, nil
}

// rankOf is the position at which every expected phrase has been seen in a
// passage of an expected document, 0 when one is missing from hits.
func rankOf(hits []document.Hit, q EvalQuestion) int {
	worst := 0
	for _, alts := range q.Expect {
		at := 0
		for i, h := range hits {
			if docMatchesAny(h.Doc, q.Docs) && containsAny(evalFold(h.Text), alts) {
				at = i + 1
				break
			}
		}
		if at == 0 {
			return 0
		}
		worst = max(worst, at)
	}
	return worst
}

func score(kind EvalKind, results []EvalResult) EvalScore {
	s := EvalScore{Kind: kind, Questions: len(results)}
	right := 0
	for _, r := range results {
		if r.AbstentionRight {
			right++
		}
		if r.Unanswerable {
			s.Unanswerable++
			if r.Abstained {
				s.AbstainedRight++
			}
			continue
		}
		s.Answerable++
		if r.Rank > 0 {
			s.Found++
			s.rrSum += 1 / float64(r.Rank)
		}
		if r.Abstained {
			s.FalseAbstentions++
		} else {
			s.Answered++
			if r.CitedDoc {
				s.CitedRight++
			}
		}
		if r.FactsHeld != nil {
			s.WithFacts++
			if *r.FactsHeld {
				s.FactsHeld++
			}
		}
		if r.AsOfRight != nil {
			s.Dated++
			if *r.AsOfRight {
				s.AsOfRight++
			}
		}
	}
	s.RecallAtK = ratio(s.Found, s.Answerable)
	if s.Answerable > 0 {
		s.MRR = s.rrSum / float64(s.Answerable)
	}
	s.FactRate = ratio(s.FactsHeld, s.WithFacts)
	s.CitedRate = ratio(s.CitedRight, s.Answered)
	s.AbstainRate = ratio(s.AbstainedRight, s.Unanswerable)
	s.FalseAbstainRate = ratio(s.FalseAbstentions, s.Answerable)
	s.AbstentionAccuracy = ratio(right, s.Questions)
	s.AsOfRate = ratio(s.AsOfRight, s.Dated)
	return s
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// failuresOf lists what r got wrong, each with what was expected and what
// came instead.
func failuresOf(r EvalResult, k int) []EvalFailure {
	var out []EvalFailure
	add := func(what, expected, got string) {
		out = append(out, EvalFailure{Kind: r.Kind, Question: r.Question, What: what, Expected: expected, Got: got})
	}
	if r.Unanswerable {
		if !r.Abstained {
			add("abstention", "abstain", "answered: "+clip(r.Answer, 160))
		}
		return out
	}
	docs := strings.Join(r.Docs, ", ")
	if r.Rank == 0 {
		add("retrieval", fmt.Sprintf("%s in a top-%d passage of %s", phrasesString(r.Expect), k, docs), "top: "+strings.Join(r.Retrieved, ", "))
	}
	if r.Abstained {
		add("abstention", "an answer", "abstained")
		return out
	}
	if r.FactsHeld != nil && !*r.FactsHeld {
		add("fact", strings.Join(r.MissingFacts, "; "), clip(r.Answer, 160))
	}
	if !r.CitedDoc {
		add("citation", docs, "cited: "+strings.Join(r.CitedDocs, ", "))
	}
	if r.AsOfRight != nil && !*r.AsOfRight {
		got := r.AsOfGot
		if got == "" {
			got = "no date"
		}
		add("as_of", strings.Join(r.AsOf, " or "), got)
	}
	return out
}

// WriteTable prints one row a kind and the overall row: recall@K, MRR, key
// fact in the answer, right document cited, abstained when it should,
// false abstention rate and "as of" right; n/a where a rate has nothing
// to count (no answerable question among the off-topic ones).
func (r EvalReport) WriteTable(w io.Writer) {
	const layout = "%-15s %4s  %-8s %-5s %-5s %-5s %-7s %-9s %-5s\n"
	fmt.Fprintf(w, layout, "kind", "n", fmt.Sprintf("recall@%d", r.K), "MRR", "fact", "cited", "abstain", "false-abs", "as-of")
	row := func(name string, s EvalScore) {
		mrr := "n/a"
		if s.Answerable > 0 {
			mrr = fmt.Sprintf("%.2f", s.MRR)
		}
		fmt.Fprintf(w, layout, name, strconv.Itoa(s.Questions), FormatRate(s.Found, s.Answerable), mrr, FormatRate(s.FactsHeld, s.WithFacts),
			FormatRate(s.CitedRight, s.Answered), FormatRate(s.AbstainedRight, s.Unanswerable), FormatRate(s.FalseAbstentions, s.Answerable), FormatRate(s.AsOfRight, s.Dated))
	}
	for _, s := range r.ByKind {
		row(string(s.Kind), s)
	}
	row("overall", r.Overall)
}

// FormatRate prints n/d with two decimals, or n/a when d is 0.
func FormatRate(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(d))
}

func phrasesString(p Phrases) string {
	parts := make([]string, len(p))
	for i, alts := range p {
		parts[i] = fmt.Sprintf("%q", strings.Join(alts, " | "))
	}
	return strings.Join(parts, " and ")
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func containsAny(folded string, alts []string) bool {
	return slices.ContainsFunc(alts, func(a string) bool { return strings.Contains(folded, evalFold(a)) })
}

// evalFold is the form expected phrases and key facts are compared in:
// lower case, accents and hyphens gone, digit groups joined ("5 550",
// "5,550" and "5.550" are "5550"), a decimal comma made a point ("1,4" is
// "1.4"), no space before "%", spaces collapsed. It is the eval's own, so
// that the judge does not share the text analysis it measures.
func evalFold(s string) string {
	s, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return strings.ToLower(s)
	}
	s = strings.ToLower(evalPunct.Replace(s))
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isGroupSep(r) && i > 0 && isDigitByte(s[i-1]) && i+size < len(s) && isDigitByte(s[i+size]) {
			rest := s[i+size:]
			n := 0
			for n < len(rest) && isDigitByte(rest[n]) {
				n++
			}
			switch {
			case n == 3:
				i += size // a digit group: join it
				continue
			case r == ',' && n < 3:
				b.WriteByte('.') // a decimal comma
				i += size
				continue
			}
		}
		if r == '%' {
			trimmed := strings.TrimRight(b.String(), " ")
			b.Reset()
			b.WriteString(trimmed)
		}
		b.WriteRune(r)
		i += size
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var evalPunct = strings.NewReplacer("-", " ", "‐", " ", "–", " ", "—", " ", "’", "'", "‘", "'", "\u00a0", " ", "\u202f", " ", "œ", "oe", "æ", "ae")

func isGroupSep(r rune) bool { return r == ',' || r == '.' || r == ' ' }

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func hitOf(hits []document.Hit, docID string) (document.Hit, bool) {
	for _, h := range hits {
		if h.DocID == docID {
			return h, true
		}
	}
	return document.Hit{}, false
}

// EvalDocName is the name an eval question gives a document: the base name
// of its origin without extension ("timeline" for bundled:timeline.md or
// /data/notes/timeline.md, "30-unnews-gsf-authorized" for
// .../corpus-real/30-unnews-gsf-authorized.md).
func EvalDocName(d document.Document) string {
	base := path.Base(strings.ReplaceAll(strings.TrimPrefix(d.Origin, document.BundledOrigin), `\`, "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// docMatches reports whether d is the document an eval question names: by
// its EvalDocName (case-insensitively) or by id.
func docMatches(d document.Document, name string) bool {
	return d.ID == name || strings.EqualFold(EvalDocName(d), name)
}

func docMatchesAny(d document.Document, names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return docMatches(d, n) })
}
