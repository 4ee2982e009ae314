package slacktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Block Kit limits for messages, as Slack documents them.
const (
	MaxBlocks          = 50
	MaxSectionText     = 3000
	MaxSectionField    = 2000
	MaxSectionFields   = 10
	MaxHeaderText      = 150
	MaxContextElements = 10
	MaxActionElements  = 25
	MaxButtonText      = 75
	MaxButtonValue     = 2000
	MaxActionID        = 255
	MaxBlockID         = 255
	MaxMarkdownTotal   = 12000
)

type textObj struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type element struct {
	Type     string   `json:"type"`
	Text     *textObj `json:"text"` // buttons
	Value    string   `json:"value"`
	ActionID string   `json:"action_id"`
	URL      string   `json:"url"`
}

type block struct {
	Type      string            `json:"type"`
	BlockID   string            `json:"block_id"`
	Text      json.RawMessage   `json:"text"`
	Fields    []textObj         `json:"fields"`
	Elements  []json.RawMessage `json:"elements"`
	Accessory *element          `json:"accessory"`
}

// CheckBlocks checks a message's blocks against Block Kit's limits and
// returns every violation found (nil when the blocks are valid).
func CheckBlocks(raw json.RawMessage) error {
	var blocks []block
	if err := json.Unmarshal(raw, &blocks); err != nil {
		return fmt.Errorf("blocks are not a JSON array of blocks: %w", err)
	}
	var errs []error
	bad := func(i int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("block %d: %s", i, fmt.Sprintf(format, args...)))
	}
	if len(blocks) > MaxBlocks {
		errs = append(errs, fmt.Errorf("%d blocks, more than %d", len(blocks), MaxBlocks))
	}
	markdown := 0
	n := utf8.RuneCountInString
	for i, b := range blocks {
		if n(b.BlockID) > MaxBlockID {
			bad(i, "block_id longer than %d", MaxBlockID)
		}
		switch b.Type {
		case "section":
			t, err := textOf(b.Text)
			if err != nil {
				bad(i, "%v", err)
			}
			if t == nil && len(b.Fields) == 0 {
				bad(i, "section without text or fields")
			}
			if t != nil {
				if t.Type != "mrkdwn" && t.Type != "plain_text" {
					bad(i, "text type %q", t.Type)
				}
				if t.Text == "" {
					bad(i, "empty section text")
				}
				if n(t.Text) > MaxSectionText {
					bad(i, "section text %d chars, more than %d", n(t.Text), MaxSectionText)
				}
			}
			if len(b.Fields) > MaxSectionFields {
				bad(i, "%d fields, more than %d", len(b.Fields), MaxSectionFields)
			}
			for _, f := range b.Fields {
				if n(f.Text) > MaxSectionField {
					bad(i, "field %d chars, more than %d", n(f.Text), MaxSectionField)
				}
			}
			if b.Accessory != nil {
				if err := checkElement(*b.Accessory); err != nil {
					bad(i, "accessory: %v", err)
				}
			}
		case "header":
			t, err := textOf(b.Text)
			switch {
			case err != nil:
				bad(i, "%v", err)
			case t == nil || t.Type != "plain_text":
				bad(i, "header text must be plain_text")
			case t.Text == "":
				bad(i, "empty header")
			case n(t.Text) > MaxHeaderText:
				bad(i, "header %d chars, more than %d", n(t.Text), MaxHeaderText)
			}
		case "context":
			if len(b.Elements) == 0 || len(b.Elements) > MaxContextElements {
				bad(i, "context has %d elements (1 to %d)", len(b.Elements), MaxContextElements)
			}
			for _, e := range b.Elements {
				var t textObj
				if err := json.Unmarshal(e, &t); err != nil {
					bad(i, "context element: %v", err)
					continue
				}
				if (t.Type == "mrkdwn" || t.Type == "plain_text") && (t.Text == "" || n(t.Text) > MaxSectionText) {
					bad(i, "context text empty or over %d chars", MaxSectionText)
				}
			}
		case "actions":
			if len(b.Elements) == 0 || len(b.Elements) > MaxActionElements {
				bad(i, "actions has %d elements (1 to %d)", len(b.Elements), MaxActionElements)
			}
			for _, raw := range b.Elements {
				var e element
				if err := json.Unmarshal(raw, &e); err != nil {
					bad(i, "action element: %v", err)
					continue
				}
				if err := checkElement(e); err != nil {
					bad(i, "%v", err)
				}
			}
		case "markdown":
			var t string
			if err := json.Unmarshal(b.Text, &t); err != nil {
				bad(i, "markdown text must be a string")
			}
			markdown += n(t)
		case "context_actions":
			if len(b.Elements) == 0 || len(b.Elements) > MaxContextActions {
				bad(i, "context_actions has %d elements (1 to %d)", len(b.Elements), MaxContextActions)
			}
			for _, raw := range b.Elements {
				if err := checkContextAction(raw); err != nil {
					bad(i, "%v", err)
				}
			}
		case "divider", "image", "rich_text", "input", "file", "video":
		default:
			bad(i, "unknown block type %q", b.Type)
		}
	}
	if markdown > MaxMarkdownTotal {
		errs = append(errs, fmt.Errorf("markdown blocks hold %d chars, more than %d", markdown, MaxMarkdownTotal))
	}
	return errors.Join(errs...)
}

func textOf(raw json.RawMessage) (*textObj, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var t textObj
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("text must be a text object: %w", err)
	}
	return &t, nil
}

func checkElement(e element) error {
	n := utf8.RuneCountInString
	if n(e.ActionID) > MaxActionID {
		return fmt.Errorf("action_id longer than %d", MaxActionID)
	}
	if e.Type == "button" {
		if e.Text == nil || e.Text.Type != "plain_text" || e.Text.Text == "" {
			return errors.New("button text must be non-empty plain_text")
		}
		if n(e.Text.Text) > MaxButtonText {
			return fmt.Errorf("button text longer than %d", MaxButtonText)
		}
		if n(e.Value) > MaxButtonValue {
			return fmt.Errorf("button value longer than %d", MaxButtonValue)
		}
	}
	return nil
}
