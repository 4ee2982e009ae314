package brief

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/document"
)

// DigestStore is what the digester reads from the corpus.
type DigestStore interface {
	Documents(ctx context.Context, f document.DocFilter) ([]document.Document, error)
	Passages(ctx context.Context, docID string) ([]document.Passage, error)
}

// Digest defaults, used when a DigestRequest leaves them out.
const (
	DefaultDigestItems = 8
	// DefaultPublishedSlack is how far before the window a document's
	// publication date may lie when it entered the store inside the window.
	// Published dates often carry only a day (midnight UTC) and feeds are
	// polled after publication, so an article published just before the
	// window opened and stored just after would otherwise fall between two
	// digests; a backfilled archive is older than this by far.
	DefaultPublishedSlack = 24 * time.Hour
	// maxDigestDocs bounds the work of one digest; a window holding more is
	// a bulk import, and its newest documents are the ones read.
	maxDigestDocs = 500
)

// NoModelNote labels a digest written without a language model.
const NoModelNote = "no language model configured"

// DigestRequest names the period a digest covers and how it is laid out.
type DigestRequest struct {
	Start, End time.Time      // the window [Start, End)
	Location   *time.Location // zone the period is shown in; nil means UTC
	MaxItems   int            // stories at most; 0 means DefaultDigestItems
}

// Digester writes digests: it selects the documents new in a window, groups
// them into stories and summarises each, through a language model when one
// is configured, else extractively (titles and lead sentences).
type Digester struct {
	store  DigestStore
	model  ChatModel // nil: extractive
	prompt *template.Template
	topic  string
	common map[string]bool
	log    *slog.Logger

	// StoryThreshold is the similarity at which articles are one story.
	StoryThreshold float64
	// PublishedSlack widens the window's start for publication dates.
	PublishedSlack time.Duration
}

// DigesterConfig gathers what NewDigester needs.
type DigesterConfig struct {
	Store DigestStore
	// Model writes the summaries; nil makes extractive digests.
	Model ChatModel
	// Prompt is prompts/digest.tmpl, parsed; required with Model.
	Prompt *template.Template
	// Topic is what the corpus is about, for the prompt.
	Topic string
	// TopicNames are the topic's name and aliases: words every document
	// holds, which say nothing about which story a document tells.
	TopicNames []string
	Log        *slog.Logger
}

// NewDigester makes a digester.
func NewDigester(c DigesterConfig) (*Digester, error) {
	if c.Store == nil {
		return nil, errors.New("digester: no store")
	}
	if c.Model != nil && c.Prompt == nil {
		return nil, errors.New("digester: a language model needs the digest prompt")
	}
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Digester{
		store: c.Store, model: c.Model, prompt: c.Prompt, topic: c.Topic,
		common: topicTerms(c.TopicNames...), log: log,
		StoryThreshold: DefaultStoryThreshold, PublishedSlack: DefaultPublishedSlack,
	}, nil
}

// Digest writes the digest of the documents new in r's window. An empty
// window gives a digest with no items, not an error.
func (g *Digester) Digest(ctx context.Context, r DigestRequest) (Digest, error) {
	if !r.Start.Before(r.End) {
		return Digest{}, fmt.Errorf("digest: window start %s is not before its end %s", r.Start.Format(time.RFC3339), r.End.Format(time.RFC3339))
	}
	loc := r.Location
	if loc == nil {
		loc = time.UTC
	}
	maxItems := r.MaxItems
	if maxItems <= 0 {
		maxItems = DefaultDigestItems
	}
	d := Digest{Start: r.Start.In(loc), End: r.End.In(loc), TimeZone: loc.String(), Mode: ModeExtractive,
		Items: []DigestItem{}, Citations: []Citation{}}
	if g.model != nil {
		d.Mode = ModeLLM
	}
	docs, err := g.windowDocs(ctx, r.Start, r.End)
	if err != nil {
		return Digest{}, err
	}
	if len(docs) == 0 {
		if g.model == nil {
			d.Note = NoModelNote
		}
		return d, nil
	}
	stories := g.stories(docs)
	var notes []string
	if len(stories) > maxItems {
		notes = append(notes, fmt.Sprintf("%d more stories not shown", len(stories)-maxItems))
		stories = stories[:maxItems]
	}
	// Citations are numbered across the digest, story by story.
	for _, s := range stories {
		var item DigestItem
		for _, sd := range s.docs {
			n := len(d.Citations) + 1
			d.Citations = append(d.Citations, digestCitation(n, sd))
			item.Cites = append(item.Cites, n)
		}
		item.Headline = s.docs[0].doc.Title
		item.Summary = digestExtractive(s.docs[0]) + digestCiteMarks(item.Cites)
		d.Items = append(d.Items, item)
	}
	if g.model == nil {
		notes = append([]string{NoModelNote}, notes...)
	} else if err := g.writeWithModel(ctx, &d, stories); err != nil {
		if ctx.Err() != nil {
			return Digest{}, fmt.Errorf("digest: %w", ctx.Err())
		}
		// The extractive items stand: a digest late by a model outage is
		// worse than a plainer one.
		g.log.Warn("digest: language model failed; posting the extractive digest", "err", err)
		d.Mode = ModeExtractive
		notes = append([]string{"the language model failed, so titles and lead sentences are shown"}, notes...)
	}
	d.Note = strings.Join(notes, "; ")
	return d, nil
}

// InWindow reports whether a document belongs to the digest of [start,
// end): it entered the store inside the window and, when its publication
// date is known, was published inside it too (give or take slack), so that
// a backfilled archive of old articles does not flood the digest.
func InWindow(doc document.Document, start, end time.Time, slack time.Duration) bool {
	if doc.Ingested.Before(start) || !doc.Ingested.Before(end) {
		return false
	}
	if doc.Published.IsZero() {
		return true
	}
	return !doc.Published.Before(start.Add(-slack)) && doc.Published.Before(end.Add(slack))
}

// windowDocs returns the documents of the window, newest first, each with
// its lead sentences and story terms.
func (g *Digester) windowDocs(ctx context.Context, start, end time.Time) ([]*storyDoc, error) {
	all, err := g.store.Documents(ctx, document.DocFilter{IngestedSince: start, IngestedUntil: end})
	if err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	var docs []*storyDoc
	for _, doc := range all {
		if !InWindow(doc, start, end, g.PublishedSlack) {
			continue
		}
		if len(docs) == maxDigestDocs {
			g.log.Warn("digest: window holds too many documents; reading the newest", "limit", maxDigestDocs)
			break
		}
		passages, err := g.store.Passages(ctx, doc.ID)
		if err != nil {
			return nil, fmt.Errorf("digest: %w", err)
		}
		var text strings.Builder
		for _, p := range passages {
			text.WriteString(p.Text)
			text.WriteString("\n\n")
			if text.Len() > 4000 {
				break
			}
		}
		sd := &storyDoc{doc: doc, lead: leadSentences(doc.Title, text.String()), opening: leadFirstWords(text.String(), 2*digestSourceWords)}
		sd.terms = storyTerms(doc.Title+" "+leadFirstWords(sd.opening, storyLeadWords), g.common)
		docs = append(docs, sd)
	}
	return docs, nil
}

// story is a group of documents about one event; docs[0] is the one whose
// title and lead stand for the story.
type story struct {
	docs   []*storyDoc
	newest time.Time
}

// stories groups docs and orders the groups most covered first (distinct
// publishers, then documents), then newest first.
func (g *Digester) stories(docs []*storyDoc) []story {
	groups := groupStories(docs, g.StoryThreshold)
	out := make([]story, 0, len(groups))
	for _, grp := range groups {
		s := story{}
		for _, i := range grp {
			s.docs = append(s.docs, docs[i])
			if t := digestDocTime(docs[i].doc); t.After(s.newest) {
				s.newest = t
			}
		}
		// The representative is the member closest to all the others; then
		// the rest in publication order.
		best, bestScore := 0, -1.0
		for i, a := range s.docs {
			score := 0.0
			for j, b := range s.docs {
				if i != j {
					score += storyJaccard(a.terms, b.terms)
				}
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		rep := s.docs[best]
		rest := append(append([]*storyDoc{}, s.docs[:best]...), s.docs[best+1:]...)
		sort.SliceStable(rest, func(i, j int) bool { return digestDocTime(rest[i].doc).Before(digestDocTime(rest[j].doc)) })
		s.docs = append([]*storyDoc{rep}, rest...)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := storyPublishers(out[i]), storyPublishers(out[j])
		if pi != pj {
			return pi > pj
		}
		if len(out[i].docs) != len(out[j].docs) {
			return len(out[i].docs) > len(out[j].docs)
		}
		return out[i].newest.After(out[j].newest)
	})
	return out
}

func storyPublishers(s story) int {
	seen := map[string]bool{}
	for _, d := range s.docs {
		seen[strings.ToLower(DocPublisher(d.doc))] = true
	}
	return len(seen)
}

// digestDocTime is when a document appeared: published when known, else ingested.
func digestDocTime(d document.Document) time.Time {
	if !d.Published.IsZero() {
		return d.Published
	}
	return d.Ingested
}

// DocPublisher names who published a document: its source, else the host of
// its URL, else "" when nothing tells.
func DocPublisher(d document.Document) string {
	if s := strings.TrimSpace(d.Source); s != "" {
		return s
	}
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

func digestCitation(n int, sd *storyDoc) Citation {
	c := CitationOf(sd.doc, n)
	if len(sd.lead) > 0 {
		c.Quote = sd.lead[0]
	}
	return c
}

func digestCiteMarks(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if i == 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

// Lead sentence selection.
const (
	leadMinWords   = 8   // shorter "sentences" are datelines, bylines, labels
	leadMaxWords   = 60  // longer ones are run-together metadata or lists
	leadEnoughWord = 25  // a first sentence this long is summary enough
	leadMaxChars   = 400 // a summary longer than this is cut at a word
)

// leadSentences returns the first one or two sentences of text that read
// as prose: long enough, not a run of metadata ("Authors : ...; Page :
// ..."), and not the title again.
func leadSentences(title, text string) []string {
	titleKey := leadKey(title)
	var out []string
	words := 0
	for _, s := range document.SplitSentences(text) {
		n := len(strings.Fields(s))
		if n < leadMinWords || n > leadMaxWords || strings.Count(s, ":")+strings.Count(s, ";") > 1 || !leadEndsSentence(s) {
			if len(out) > 0 {
				return out // the lead is over once prose stops
			}
			continue
		}
		if leadKey(s) == titleKey {
			continue
		}
		out = append(out, s)
		words += n
		if len(out) == 2 || words >= leadEnoughWord {
			return out
		}
	}
	return out
}

func leadEndsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

func leadKey(s string) string { return strings.Join(foldedTokens(s), " ") }

// digestExtractive is the story's lead, cut to leadMaxChars.
func digestExtractive(sd *storyDoc) string {
	if len(sd.lead) == 0 {
		return strings.TrimSpace(sd.doc.Title) + "."
	}
	return cutAtWord(strings.Join(sd.lead, " "), leadMaxChars)
}

func leadFirstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// cutAtWord cuts s at a word boundary so it is at most max bytes,
// marking the cut with an ellipsis.
func cutAtWord(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut <= 0 {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
