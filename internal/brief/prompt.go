package brief

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/document"
)

// The data delimiters around each passage in the prompt. Passage text is
// scrubbed of "<<<" so that no document can close its own quote and speak
// as the prompt.
const (
	passageOpen  = "<<<PASSAGE"
	passageClose = "<<<END PASSAGE"
)

// maxHistoryTurns and maxTurnChars bound what a long thread adds to the prompt.
const (
	maxHistoryTurns = 6
	maxTurnChars    = 2000
)

type promptPassage struct {
	N         int
	Title     string
	Source    string
	Published string // YYYY-MM-DD or empty
	Text      string
}

type answerPrompt struct {
	Topic, Description, Today, Question, NoAnswer, Open, Close string
	Passages                                                   []promptPassage
}

// messages builds the chat: the rules, the thread so far, then the
// passages with the question.
func (a *Answerer) messages(question string, history []Turn, hits []document.Hit) ([]Message, error) {
	data := answerPrompt{
		Topic: a.cfg.Topic, Description: a.cfg.Description, Today: a.cfg.Now().Format(time.DateOnly),
		Question: question, NoAnswer: NoAnswerToken, Open: passageOpen, Close: passageClose,
	}
	for i, h := range hits {
		p := promptPassage{N: i + 1, Title: asData(foldSpace(h.Doc.Title)), Source: asData(foldSpace(h.Doc.Source)), Text: asData(h.Text)}
		if !h.Doc.Published.IsZero() {
			p.Published = h.Doc.Published.Format(time.DateOnly)
		}
		data.Passages = append(data.Passages, p)
	}
	var sys, user bytes.Buffer
	if err := a.prompt.ExecuteTemplate(&sys, "system", data); err != nil {
		return nil, fmt.Errorf("answer prompt: %w", err)
	}
	if err := a.prompt.ExecuteTemplate(&user, "user", data); err != nil {
		return nil, fmt.Errorf("answer prompt: %w", err)
	}
	msgs := []Message{{Role: "system", Content: strings.TrimSpace(sys.String())}}
	for _, t := range lastTurns(history, maxHistoryTurns) {
		text := strings.TrimSpace(t.Text)
		if text == "" {
			continue
		}
		role := "user"
		if t.Role == "assistant" {
			role = "assistant"
			// Its [n] pointed into other passages than this prompt's.
			text = tidySpaces(markerRE.ReplaceAllString(text, ""))
		}
		msgs = append(msgs, Message{Role: role, Content: shorten(text, maxTurnChars)})
	}
	msgs = append(msgs, Message{Role: "user", Content: strings.TrimSpace(user.String())})
	return msgs, nil
}

// asData keeps document text from forging the prompt's delimiters.
func asData(s string) string {
	for strings.Contains(s, "<<<") {
		s = strings.ReplaceAll(s, "<<<", "<< <")
	}
	return s
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
