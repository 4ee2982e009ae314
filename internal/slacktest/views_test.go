package slacktest

import (
	"context"
	"testing"

	"github.com/slack-go/slack"
)

// The home tab takes section blocks but not markdown blocks, which are
// for messages only; a message takes both.
func TestMarkdownBlockOnlyInMessages(t *testing.T) {
	s := New(t)
	api := client(s, BotToken)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		block slack.Block
		ok    bool
	}{
		{"section", slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*hi*", false, false), nil, nil), true},
		{"markdown", slack.NewMarkdownBlock("", "**hi**"), false},
	} {
		view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: []slack.Block{c.block}}}
		_, err := api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: "U1", View: view})
		if (err == nil) != c.ok {
			t.Errorf("%s in a view: %v, want accepted %v", c.name, err, c.ok)
		}
		if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionBlocks(c.block)); err != nil {
			t.Errorf("%s in a message: %v", c.name, err)
		}
	}
}
