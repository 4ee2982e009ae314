package main

import (
	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/slackbot"
)

// Only this command reads the configuration: the packages below take typed
// options of their own, and these functions copy the configured values
// into them. A new key is wired here, not by making a package import
// config.

// answererConfig is what the answerer takes from the configuration.
func answererConfig(c config.Config) brief.AnswererConfig {
	return brief.AnswererConfig{
		Topic: c.Topic.Name, Description: c.Topic.Description, Aliases: c.Topic.Aliases, Examples: c.Topic.Examples,
		K: c.Answer.K, MinScore: c.Answer.MinScore, PromptsDir: c.Prompts.Dir, Deadline: c.LLM.Deadline,
	}
}

// openAIConfig is the llm section as the chat client takes it.
func openAIConfig(c config.LLM) brief.OpenAIConfig {
	return brief.OpenAIConfig{
		BaseURL: c.BaseURL, Model: c.Model, APIType: c.APIType, AzureAPIVersion: c.AzureAPIVersion,
		Timeout: c.Timeout, MaxTokens: c.MaxTokens, Temperature: c.Temperature, Retries: c.Retries,
	}
}

// slackSettings is the slack section as the transport takes it.
func slackSettings(c config.Slack) slackbot.Settings {
	return slackbot.Settings{
		Command: c.Command, Admins: c.Admins, Channels: c.Channels,
		Workers: c.Workers, Queue: c.Queue, QueueWait: c.QueueWait,
		MaxBodyBytes: c.MaxBodyBytes, DedupeTTL: c.DedupeTTL, ShutdownTimeout: c.ShutdownTimeout,
	}
}

// slackTopic is what the transport's help text says of the topic.
func slackTopic(c config.Topic) slackbot.Topic {
	return slackbot.Topic{Name: c.Name, Examples: c.Examples}
}

// embeddingConfig is the embeddings section as the client takes it. The
// base URL already falls back to llm.base_url (config.Load does that).
func embeddingConfig(c config.Config) embedding.Config {
	return embedding.Config{
		BaseURL: c.Embed.BaseURL, APIKey: c.Secrets.EmbeddingsKey, Model: c.Embed.Model,
		Dimensions: c.Embed.Dimensions, Batch: c.Embed.Batch, Timeout: c.Embed.Timeout, Retries: c.Embed.Retries,
	}
}
