// Package brief decides what the bot says: grounded, cited answers to
// questions (through a language model, or extractively without one) and
// digests of what is new in the corpus. It knows the corpus, not Slack.
package brief

import (
	"time"

	"github.com/mss-brief/briefbot/internal/document"
)

// Mode says how an answer was made.
type Mode string

const (
	ModeLLM        Mode = "llm"        // written by the language model from the passages
	ModeExtractive Mode = "extractive" // sentences quoted from the passages, no model
	ModeAbstained  Mode = "abstained"  // the corpus does not hold the answer
)

// Turn is an earlier message of a conversation (a Slack thread).
type Turn struct {
	Role string // "user" or "assistant"
	Text string
}

// Request is a question with its context.
type Request struct {
	Question   string
	History    []Turn   // earlier turns of the thread, oldest first
	PreferDocs []string // document ids to prefer (a digest's thread)
	// OnPartial, when set, receives the answer text as it grows while the
	// model streams. It is called from the answering goroutine.
	OnPartial func(text string)
	// OnStep, when set, is told each stage of the answer as it begins
	// (progress.go). It is called from the answering goroutine.
	OnStep func(Step)
}

// Citation is a source an answer cites as [N].
type Citation struct {
	N         int        `json:"n"`
	DocID     string     `json:"doc_id"`
	Title     string     `json:"title"`
	Source    string     `json:"source"`
	URL       string     `json:"url"`
	Published *time.Time `json:"published"` // nil when unknown
	Quote     string     `json:"quote"`     // the passage sentence that best supports the claim
	Supports  []string   `json:"supports"`  // the answer sentences this source backs
}

// Conflict is a fact on which a newer source disagrees with an older one.
type Conflict struct {
	Fact  string `json:"fact"`
	Older int    `json:"older"` // citation number
	Newer int    `json:"newer"` // citation number
	Note  string `json:"note,omitempty"`
}

// Timings says where the time went.
type Timings struct {
	Retrieval time.Duration `json:"retrieval_ns"`
	LLM       time.Duration `json:"llm_ns"`
}

// Answer is what the bot says to a question.
type Answer struct {
	Question         string         `json:"question"`
	ReadAs           string         `json:"read_as,omitempty"` // the question as respelled from the corpus ("parliamnet": "parliament"), when it was
	Text             string         `json:"answer"`            // standard Markdown with [n] markers
	Mode             Mode           `json:"mode"`
	AnswerType       string         `json:"answer_type"`    // what kind of fact is asked for: a count, a date, a person, ...
	Conflicts        []Conflict     `json:"conflicts"`      // where sources disagree
	Note             string         `json:"note,omitempty"` // why extractive or abstained, e.g. "no language model configured"
	AsOf             *time.Time     `json:"as_of"`          // newest published date among cited sources; nil when unknown
	Citations        []Citation     `json:"citations"`
	Passages         []document.Hit `json:"-"`
	DroppedCitations int            `json:"dropped_citations"`
	Suggestions      []string       `json:"suggestions,omitempty"` // how to rephrase, when abstained
	Timings          Timings        `json:"timings"`
}

// Digest summarises what entered the corpus in a period, one item a story.
type Digest struct {
	Start     time.Time    `json:"start"` // inclusive
	End       time.Time    `json:"end"`   // exclusive
	TimeZone  string       `json:"time_zone"`
	Mode      Mode         `json:"mode"` // ModeLLM or ModeExtractive
	Note      string       `json:"note,omitempty"`
	Items     []DigestItem `json:"items"`
	Citations []Citation   `json:"citations"` // numbered across the whole digest
}

// DigestItem is one story: a short summary citing every document about it.
type DigestItem struct {
	Headline string `json:"headline"`
	Summary  string `json:"summary"` // Markdown with [n] markers into Digest.Citations
	Cites    []int  `json:"cites"`
}

// DocIDs lists the documents a digest cites, in citation order.
func (d Digest) DocIDs() []string {
	ids := make([]string, 0, len(d.Citations))
	for _, c := range d.Citations {
		ids = append(ids, c.DocID)
	}
	return ids
}
