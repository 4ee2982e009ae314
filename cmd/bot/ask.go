package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
)

func cmdAsk(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "ask", "QUESTION")
	asJSON := fs.Bool("json", false, "print one JSON object (answer, mode, answer_type, as_of, conflicts, citations with supports, note, dropped_citations)")
	k := fs.Int("k", 0, "how many passages the answer draws on, 1 to 20 (default: answer.k of the configuration)")
	words, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" {
		return usageError{`give a question, e.g. bot ask "Who leads the mission?"`}
	}
	if *k < 0 || *k > 20 {
		return usageError{fmt.Sprintf("-k %d is outside 1 to 20", *k)}
	}
	cfg, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	if *k > 0 {
		cfg.Answer.K = *k
	}
	search, err := searcher(e, cfg, store)
	if err != nil {
		return err
	}
	a, err := newAnswerer(e, cfg, search)
	if err != nil {
		return err
	}
	ans, err := a.Answer(ctx, brief.Request{Question: question})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeAnswerJSON(e.stdout, ans, cfg)
	}
	writeAnswer(e.stdout, ans, cfg)
	return nil
}

// newAnswerer wires an answerer to the store, with the language model when
// one is configured (OPENAI_API_KEY or OPENAI_BASE_URL).
func newAnswerer(e *env, cfg config.Config, search brief.Searcher) (*brief.Answerer, error) {
	ac := answererConfig(cfg)
	ac.Log, ac.Observer = e.log, e.modelObserver()
	var model brief.ChatModel
	if cfg.LLMConfigured() {
		m, err := brief.NewOpenAIChat(openAIConfig(cfg.LLM), cfg.Secrets.OpenAIKey, e.modelOptions()...)
		if err != nil {
			return nil, err
		}
		model = brief.WithQueryRewriting(m) // questions also rewritten into search queries (brief/rewrite.go)
	}
	return brief.New(search, model, ac)
}

// modeLine says how an answer was made, for readers of the terminal.
func modeLine(ans brief.Answer, cfg config.Config) string {
	switch ans.Mode {
	case brief.ModeLLM:
		s := fmt.Sprintf("Written by the language model (%s) from %d passages.", cfg.LLM.Model, len(ans.Passages))
		if ans.DroppedCitations > 0 {
			s += fmt.Sprintf(" Removed %d citation(s) to passages it was not given.", ans.DroppedCitations)
		}
		return s
	case brief.ModeExtractive:
		s := "Extractive answer: " + ans.Note
		if ans.Note == brief.NoteNoModel {
			s += " (set OPENAI_API_KEY or OPENAI_BASE_URL for written answers)"
		}
		return s + "."
	default:
		return "No answer: " + ans.Note + "."
	}
}

func writeAnswer(w io.Writer, ans brief.Answer, cfg config.Config) {
	if ans.ReadAs != "" {
		fmt.Fprintf(w, "Read as: %s\n\n", ans.ReadAs)
	}
	fmt.Fprintf(w, "%s\n\n%s\n", ans.Text, modeLine(ans, cfg))
	if ans.AsOf != nil {
		fmt.Fprintf(w, "As of %s (the newest date the cited sources speak for).\n", ans.AsOf.Format("2 January 2006"))
	}
	if len(ans.Citations) > 0 {
		if ans.Mode == brief.ModeAbstained {
			fmt.Fprintln(w, "\nClosest passages found:")
		} else {
			fmt.Fprintln(w, "\nSources:")
		}
		for _, c := range ans.Citations {
			line := fmt.Sprintf("[%d] %s", c.N, c.Title)
			var meta []string
			if c.Source != "" {
				meta = append(meta, c.Source)
			}
			if c.Published != nil {
				meta = append(meta, c.Published.Format(time.DateOnly))
			}
			if len(meta) > 0 {
				line += " — " + strings.Join(meta, ", ")
			}
			fmt.Fprintln(w, line)
			if c.URL != "" {
				fmt.Fprintf(w, "    %s\n", c.URL)
			}
			if c.Quote != "" {
				fmt.Fprintf(w, "    “%s”\n", c.Quote)
			}
		}
	}
	if len(ans.Suggestions) > 0 {
		fmt.Fprintln(w, "\nTry:")
		for _, s := range ans.Suggestions {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
}

// askCitation is a citation in `bot ask --json`: the cited document and
// what it is cited for.
type askCitation struct {
	N int `json:"n"`
	docJSON
	Quote    string   `json:"quote"`
	Supports []string `json:"supports"` // the answer sentences this source backs
}

type askOutput struct {
	Question         string           `json:"question"`
	ReadAs           string           `json:"read_as,omitempty"`
	Answer           string           `json:"answer"`
	Mode             brief.Mode       `json:"mode"`
	AnswerType       string           `json:"answer_type"`
	AsOf             *string          `json:"as_of"`
	Conflicts        []brief.Conflict `json:"conflicts"`
	Citations        []askCitation    `json:"citations"`
	Note             string           `json:"note"`
	DroppedCitations int              `json:"dropped_citations"`
	Suggestions      []string         `json:"suggestions"`
	Model            string           `json:"model,omitempty"`
	RetrievalMS      int64            `json:"retrieval_ms"`
	LLMMS            int64            `json:"llm_ms"`
}

func writeAnswerJSON(w io.Writer, ans brief.Answer, cfg config.Config) error {
	out := askOutput{Question: ans.Question, ReadAs: ans.ReadAs, Answer: ans.Text, Mode: ans.Mode, AnswerType: ans.AnswerType, AsOf: dateOrNil(ans.AsOf),
		Conflicts: ans.Conflicts,
		Citations: make([]askCitation, 0, len(ans.Citations)), Note: ans.Note, DroppedCitations: ans.DroppedCitations,
		Suggestions: ans.Suggestions, RetrievalMS: ans.Timings.Retrieval.Milliseconds(), LLMMS: ans.Timings.LLM.Milliseconds()}
	if out.Suggestions == nil {
		out.Suggestions = []string{}
	}
	if out.Conflicts == nil {
		out.Conflicts = []brief.Conflict{}
	}
	if ans.Mode == brief.ModeLLM {
		out.Model = cfg.LLM.Model
	}
	for _, c := range ans.Citations {
		out.Citations = append(out.Citations, askCitation{N: c.N, docJSON: newDocJSON(c.DocID, c.Title, c.Source, c.URL, timeOf(c.Published)),
			Quote: c.Quote, Supports: orEmpty(c.Supports)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func dateOrNil(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}
