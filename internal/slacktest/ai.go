package slacktest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"
)

// Limits of the App Home and assistant-thread methods, as Slack documents
// them.
const (
	MaxViewBlocks      = 100  // a home tab or modal
	MaxPrivateMetadata = 3000 // view private_metadata
	MaxPrompts         = 4    // assistant.threads.setSuggestedPrompts
	MaxLoadingMessages = 10   // assistant.threads.setStatus loading_messages
)

// View is one views.publish call the fake accepted.
type View struct {
	Seq    int64
	At     time.Time
	UserID string
	Type   string          // "home"
	Blocks json.RawMessage // the view's blocks as sent
	Hash   string
}

// BlockText is every text in the view's blocks, as Message.BlockText.
func (v View) BlockText() string { return Message{Blocks: v.Blocks}.BlockText() }

// Prompt is one suggested prompt.
type Prompt struct {
	Title   string `json:"title"`
	Message string `json:"message"`
}

// Prompts is one assistant.threads.setSuggestedPrompts call.
type Prompts struct {
	Seq      int64
	Channel  string
	ThreadTS string
	Title    string
	Prompts  []Prompt
}

// Title is one assistant.threads.setTitle call.
type Title struct {
	Seq      int64
	Channel  string
	ThreadTS string
	Title    string
}

type aiState struct {
	views   []View
	prompts []Prompts
	titles  []Title
}

// Views returns every views.publish call accepted, oldest first.
func (s *Server) Views() []View {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ai.views)
}

// SuggestedPrompts returns every assistant.threads.setSuggestedPrompts call accepted.
func (s *Server) SuggestedPrompts() []Prompts {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ai.prompts)
}

// Titles returns every assistant.threads.setTitle call accepted.
func (s *Server) Titles() []Title {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ai.titles)
}

func failWith(code string) apiResult { return apiResult{status: http.StatusOK, body: errBody(code)} }

func okWith(f obj) apiResult { return apiResult{status: http.StatusOK, body: okBody(f)} }

func (s *Server) setStatusLocked(p url.Values) apiResult {
	get := p.Get
	st := Status{Channel: get("channel_id"), ThreadTS: get("thread_ts"), Status: get("status")}
	if lm := get("loading_messages"); lm != "" {
		if err := json.Unmarshal([]byte(lm), &st.LoadingMessages); err != nil {
			return failWith("invalid_arguments")
		}
		if len(st.LoadingMessages) > MaxLoadingMessages {
			return failWith("invalid_arguments")
		}
	}
	st.Seq = s.nextSeqLocked()
	s.statuses = append(s.statuses, st)
	return okWith(nil)
}

func (s *Server) setPromptsLocked(p url.Values) apiResult {
	get := p.Get
	pr := Prompts{Channel: get("channel_id"), ThreadTS: get("thread_ts"), Title: get("title")}
	if pr.Channel == "" || pr.ThreadTS == "" || get("prompts") == "" {
		return failWith("invalid_arguments")
	}
	if err := json.Unmarshal([]byte(get("prompts")), &pr.Prompts); err != nil || len(pr.Prompts) == 0 || len(pr.Prompts) > MaxPrompts {
		return failWith("invalid_arguments")
	}
	for _, x := range pr.Prompts {
		if x.Title == "" || x.Message == "" {
			return failWith("invalid_arguments")
		}
	}
	pr.Seq = s.nextSeqLocked()
	s.ai.prompts = append(s.ai.prompts, pr)
	return okWith(nil)
}

func (s *Server) setTitleLocked(p url.Values) apiResult {
	get := p.Get
	t := Title{Channel: get("channel_id"), ThreadTS: get("thread_ts"), Title: get("title")}
	if t.Channel == "" || t.ThreadTS == "" || t.Title == "" {
		return failWith("invalid_arguments")
	}
	t.Seq = s.nextSeqLocked()
	s.ai.titles = append(s.ai.titles, t)
	return okWith(nil)
}

// publishViewLocked is views.publish: a home view for a user, its blocks
// held to the view limits (and, when strict, Block Kit's per-block ones).
func (s *Server) publishViewLocked(p url.Values) apiResult {
	get := p.Get
	if get("user_id") == "" || get("view") == "" {
		return failWith("invalid_arguments")
	}
	var view struct {
		Type            string          `json:"type"`
		Blocks          json.RawMessage `json:"blocks"`
		PrivateMetadata string          `json:"private_metadata"`
	}
	if err := json.Unmarshal([]byte(get("view")), &view); err != nil {
		return failWith("invalid_arguments")
	}
	if view.Type != "home" {
		return failWith("invalid_arguments")
	}
	var blocks []json.RawMessage
	if err := json.Unmarshal(view.Blocks, &blocks); err != nil {
		return failWith("invalid_blocks_format")
	}
	if len(blocks) > MaxViewBlocks || utf8.RuneCountInString(view.PrivateMetadata) > MaxPrivateMetadata {
		return failWith("invalid_arguments")
	}
	if s.strictBlocks {
		// The markdown block is for messages only.
		for _, b := range blocks {
			var head struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(b, &head) == nil && head.Type == "markdown" {
				return failWith("invalid_blocks")
			}
		}
		// CheckBlocks holds a message to 50 blocks; a view may have 100, so
		// its blocks are checked in message-sized runs.
		for i := 0; i < len(blocks); i += MaxBlocks {
			run, _ := json.Marshal(blocks[i:min(i+MaxBlocks, len(blocks))])
			if CheckBlocks(run) != nil {
				return failWith("invalid_blocks")
			}
		}
	}
	v := View{Seq: s.nextSeqLocked(), At: time.Now(), UserID: get("user_id"), Type: view.Type, Blocks: view.Blocks, Hash: get("hash")}
	s.ai.views = append(s.ai.views, v)
	return okWith(obj{"view": obj{"id": "VFAKE" + v.UserID, "type": "home", "team_id": TeamID}})
}
