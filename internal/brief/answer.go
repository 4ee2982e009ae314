package brief

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
	"github.com/mss-brief/briefbot/prompts"
)

// Searcher finds the passages that best match a query; *corpus.Store is one.
type Searcher interface {
	Search(ctx context.Context, q document.Query) ([]document.Hit, error)
}

// AnswererConfig is what an Answerer needs to know besides its searcher and
// model.
type AnswererConfig struct {
	Topic       string        // what the bot is about, for the prompt
	Description string        // a paragraph of background for the prompt
	Aliases     [][]string    // groups of names for the same thing; widen queries
	Examples    []string      // questions suggested when the bot abstains
	K           int           // passages retrieved and given to the model; 0: document.DefaultK, a search's own
	MinScore    float64       // abstain when the best passage scores lower
	PromptsDir  string        // a folder whose answer.tmpl replaces the built-in one
	Deadline    time.Duration // the model's time per question, across retries; 0: none of its own (the caller's context bounds it)
	Now         func() time.Time
	Log         *slog.Logger
	Observer    ModelObserver // told when an answer falls back from the model; nil: nobody
}

// Answerer answers questions from the corpus: with a language model when it
// has one, else by quoting the passages; and it abstains when the corpus
// does not hold the answer.
type Answerer struct {
	search Searcher
	model  ChatModel // nil: extractive only
	cfg    AnswererConfig
	prompt *template.Template
	lex    *lexicon.Analyzer // the topic's glossary with the shared analysis
}

// New makes an Answerer. model may be nil: answers are then extractive.
func New(search Searcher, model ChatModel, cfg AnswererConfig) (*Answerer, error) {
	if search == nil {
		return nil, errors.New("brief: New needs a Searcher")
	}
	// The configured values are taken as given: their defaults are the
	// configuration's (config.Default), which cmd/bot copies in.
	if cfg.K <= 0 {
		cfg.K = document.DefaultK
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Topic == "" {
		cfg.Topic = "the topic of the corpus"
	}
	t, err := prompts.Load(cfg.PromptsDir, "answer.tmpl")
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"system", "user"} {
		if t.Lookup(name) == nil {
			return nil, fmt.Errorf("prompt answer.tmpl: needs a {{define %q}} template", name)
		}
	}
	// The store's analysis, where it has one, is the one to compare words
	// with: its index was built with it.
	lex := lexicon.New(cfg.Aliases)
	if an, ok := search.(interface{ Analyzer() *lexicon.Analyzer }); ok && an.Analyzer() != nil {
		lex = an.Analyzer()
	}
	return &Answerer{search: search, model: model, cfg: cfg, prompt: t, lex: lex}, nil
}

// HasModel reports whether answers are written by a language model.
func (a *Answerer) HasModel() bool { return a.model != nil }

// Notes saying why an answer is extractive or abstained.
const (
	NoteNoModel      = "no language model configured"
	NoteModelFailed  = "the language model did not answer: "
	NoteNotRelevant  = "no passage in the corpus is relevant enough to answer"
	NoteSlotEmpty    = "the passages found are on the subject, but none states "
	NoteModelNoMatch = "the language model found no answer in the passages"
	NoteNoQuestion   = "no question was asked"
)

// Answer answers a question. It fails only when ctx ends or the store
// fails: a language model that fails gives way to an extractive answer,
// and a corpus that does not hold the answer gives an abstention. The
// answer text is never empty.
func (a *Answerer) Answer(ctx context.Context, req Request) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	q := strings.TrimSpace(req.Question)
	ans := Answer{Question: q, Citations: []Citation{}}
	if q == "" {
		return a.abstain(ans, retrieval{question: q, an: newAnalysis(a.lex)}, nil, NoteNoQuestion), nil
	}
	a.searchStep(ctx, req)
	start := a.cfg.Now()
	r, err := a.retrieve(ctx, req)
	ans.Timings.Retrieval = a.cfg.Now().Sub(start)
	if err != nil {
		if ctx.Err() != nil {
			return Answer{}, ctx.Err()
		}
		return Answer{}, fmt.Errorf("answer %q: %w", shorten(q, 80), err)
	}
	ans.Passages, ans.ReadAs = r.hits, r.readAs
	rel := a.judge(r)
	if !rel.ok {
		r, rel = a.judgeRewrites(ctx, r, rel)
	}
	ans.AnswerType = string(r.kind)
	a.cfg.Log.Debug("retrieved", "question", q, "query", r.query, "hits", len(r.hits), "type", r.kind,
		"coverage", rel.coverage, "top_score", rel.topScore, "relevant", rel.ok)
	if !rel.ok {
		if rel.slotEmpty {
			return a.abstain(ans, r, nil, NoteSlotEmpty+rel.slot.describe()), nil
		}
		return a.abstain(ans, r, rel.missing, NoteNotRelevant), nil
	}
	readStep(req, r.hits)
	if a.model == nil {
		req.step(Step{Kind: StepWrite})
		return a.extractive(ans, r, NoteNoModel), nil
	}
	return a.generate(ctx, req, ans, r)
}

// generate asks the language model, and falls back to extraction when it
// fails, runs out of time, or its answer was cut off. A cut answer is
// retried once over fewer passages with a request to be brief.
func (a *Answerer) generate(ctx context.Context, req Request, ans Answer, r retrieval) (Answer, error) {
	mctx, cancel := withTimeout(ctx, a.cfg.Deadline)
	defer cancel()
	start := a.cfg.Now()
	raw, r2, err := a.chat(mctx, req, r, false)
	if errors.Is(err, ErrLengthLimit) || errors.Is(err, ErrStreamCut) {
		a.cfg.Log.Warn("model answer cut off; retrying with a shorter budget", "err", err)
		short := r
		short.hits = r.hits[:max(1, len(r.hits)/2)]
		var err2 error
		raw, r2, err2 = a.chat(mctx, req, short, true)
		if err2 != nil && !errors.Is(err2, errPrompt) && mctx.Err() == nil {
			err = err2
		} else if err2 == nil {
			err = nil
		}
	}
	ans.Timings.LLM = a.cfg.Now().Sub(start)
	if err != nil {
		if ctx.Err() != nil {
			return Answer{}, ctx.Err()
		}
		note, why := NoteModelFailed+modelReason(err), FallbackModelFailed
		switch {
		case errors.Is(err, errPrompt):
			note, why = NoteModelFailed+"the prompt template failed", FallbackPrompt
		case mctx.Err() != nil:
			note, why = fmt.Sprintf("the language model did not answer within %s", roundDeadline(a.cfg.Deadline)), FallbackDeadline
		}
		a.fallback(why)
		a.cfg.Log.Warn("language model failed; answering extractively", "err", err)
		return a.extractive(ans, r, note), nil
	}
	if isNoAnswer(raw) {
		return a.abstain(ans, r, nil, NoteModelNoMatch), nil
	}
	text, cites, dropped, reject := a.vetModelText(raw, req, r2)
	ans.DroppedCitations = dropped
	if reject != "" {
		a.fallback(FallbackRejected)
		return a.extractive(ans, r, reject), nil
	}
	ans.Text, ans.Citations, ans.Mode = text, cites, ModeLLM
	ans.AsOf = newestPublished(cites, r)
	return ans, nil
}

// errPrompt is an answer prompt override that does not render.
var errPrompt = errors.New("the prompt template failed")

// briefNote asks for a shorter answer after one was cut off.
const briefNote = "\n\nYour previous answer was cut off. Answer in at most three short sentences."

// chat makes one model call over r's passages; it returns the retrieval the
// answer's markers refer to.
func (a *Answerer) chat(ctx context.Context, req Request, r retrieval, brief bool) (string, retrieval, error) {
	msgs, err := a.messages(r.question, req.History, r.hits)
	if err != nil {
		// A prompt that does not render is a broken override: say so, but
		// still answer.
		a.cfg.Log.Error("answer prompt failed to render", "err", err)
		return "", r, fmt.Errorf("%w: %w", errPrompt, err)
	}
	if brief && len(msgs) > 0 {
		msgs[len(msgs)-1].Content += briefNote
	}
	var onText func(string)
	if req.OnPartial == nil {
		// Not streamed: reading and writing are one wait.
		req.step(Step{Kind: StepWrite})
	} else {
		writing := false
		var ev *evidence
		onText = func(raw string) {
			if !writing {
				// The model's first words: it has read the passages.
				writing = true
				req.step(Step{Kind: StepWrite})
			}
			if looksLikeNoAnswer(raw) {
				return
			}
			if ev == nil {
				ev = newEvidence(r)
			}
			if text := partialModelText(partialText(raw), r, ev); text != "" {
				req.OnPartial(text)
			}
		}
	}
	raw, err := a.model.Chat(ctx, msgs, onText)
	return raw, r, err
}

// roundDeadline writes a deadline as readers say it: "45 s".
func roundDeadline(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	}
	return d.Round(time.Millisecond).String()
}

func modelReason(err error) string {
	var me *ModelError
	if errors.As(err, &me) {
		return me.Error()
	}
	return shorten(err.Error(), 160)
}

func newestPublished(cites []Citation, r retrieval) *time.Time {
	bundled := map[string]bool{}
	for _, h := range r.hits {
		if isBundled(h.Doc) {
			bundled[h.DocID] = true
		}
	}
	// The answer rests on the sources whose quote holds the kind of value
	// asked for (the count, the date, the name); a source quoted beside
	// them for context does not date it.
	rests := aptCitations(cites, r)
	if r.kind.valued() {
		apt := rests
		if typed := func(c Citation) bool { return apt(c) && meetsType(r.kind, c.Quote) }; slices.ContainsFunc(cites, typed) {
			rests = typed
		}
		// "Who runs BINUH?" rests on the quote that names a person: nearly
		// every quote names a body or a place.
		named := func(c Citation) bool { return apt(c) && (hasPersonName(c.Quote) || namesSpeaker(c.Quote)) }
		if r.kind == TypeWho && asksForPerson(r) && slices.ContainsFunc(cites, named) {
			rests = named
		}
	}
	if r.present && !speaksOfFuture(r.question) && !asksOfPlan(r.question) && r.kind.valued() {
		// What a source expects ("is expected to reach 5,500 by
		// October") is not the state of things it is dated by, unless
		// what is expected is asked. A name is: "the first contingents
		// of the Gang Suppression Force are expected in April" calls the
		// force by its name of the report's day.
		held := rests
		if now := func(c Citation) bool { return held(c) && !speaksOfFuture(c.Quote) }; slices.ContainsFunc(cites, now) {
			rests = now
		}
	}
	var newest, unstated *time.Time
	later := func(d, than *time.Time) *time.Time {
		if d == nil || than != nil && !d.After(*than) {
			return than
		}
		t := *d
		return &t
	}
	for _, c := range cites {
		if !rests(c) {
			continue
		}
		d := c.Published
		if bundled[c.DocID] {
			// A note we wrote is as new as the facts it quotes, not as
			// the day it was written; a quote of it that states no date
			// dates the answer only when no other source does.
			stated, ok := latestStatedDate(c.Quote)
			if !ok {
				unstated = later(d, unstated)
				continue
			}
			if d == nil || stated.Before(*d) {
				d = &stated
			}
		}
		newest = later(d, newest)
	}
	if newest == nil {
		return unstated
	}
	return newest
}

// aptCitations keeps, for a question about the present, the source the
// answer opens with and those whose quote holds at least aptShare of what
// the best quote holds of the question: "expected to reach full strength
// by October", quoted beside when the first contingents arrive, does not
// date the answer.
func aptCitations(cites []Citation, r retrieval) func(Citation) bool {
	if !r.present || len(cites) == 0 || r.an == nil {
		return func(Citation) bool { return true }
	}
	lang := map[string]string{}
	for _, h := range r.hits {
		lang[h.DocID] = h.Doc.Lang
	}
	bags := map[string]termBag{}
	var all []termBag
	for _, c := range cites {
		bags[c.DocID] = r.an.bag(c.Quote, lang[c.DocID])
		all = append(all, bags[c.DocID])
	}
	// "pulling back" is supported by a report that withdraws, not by one
	// that is "United Nations-backed".
	r.asked = phrasesWhole(r.asked)
	apt := holdsEnough(r, all)
	return func(c Citation) bool { return c.DocID == cites[0].DocID || apt(bags[c.DocID]) }
}

// phrasesWhole returns the question's concepts with each word it uses
// only inside a phrase (lexicon.Concept.Inner: "back" of "pulling back")
// standing for its phrase's group alone: a report holds it when it holds
// the phrase in some words ("drawing down"), not when it holds the word
// elsewhere ("United Nations-backed"). Only the as-of choice reads them
// so: in choosing sentences, and in the order of the newest first, it
// lost key facts and as-of (measured: real.yaml key fact 0.93 -> 0.91).
// A particle in no group ("hold back") says nothing the verb does not.
func phrasesWhole(asked []lexicon.Concept) []lexicon.Concept {
	var out []lexicon.Concept
	for _, c := range asked {
		switch {
		case !c.Inner:
			out = append(out, c)
		case len(c.Related) > 0:
			out = append(out, lexicon.Concept{Forms: c.Related, Related: c.Related, Inner: true})
		}
	}
	return out
}

// namesSpeaker reports a quote that names who said it by one capitalised
// word beside a verb of saying ("...,” Sing’Oei added."): a person, though
// one word is no full name.
func namesSpeaker(quote string) bool {
	words := strings.Fields(quote)
	for i := 1; i < len(words); i++ {
		verb := strings.ToLower(strings.Trim(words[i], ".,;:”\"'"))
		if !speechVerbs[verb] {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j <= 0 || j >= len(words) {
				continue
			}
			name := strings.TrimFunc(words[j], func(r rune) bool { return !unicode.IsLetter(r) })
			if r, _ := utf8.DecodeRuneInString(name); name != "" && unicode.IsUpper(r) && strings.ToUpper(name) != name {
				return true
			}
		}
	}
	return false
}

// speechVerbs close or open a quote with who said it.
var speechVerbs = lexiconSet(`said says added stated told explained noted declared insisted`)
