namespace DemoConsole.Core.Pipeline;

/// <summary>The red step: which run, job and step failed, and the link to its log.</summary>
public sealed record PipelineFailure(string Workflow, string Job, string Step, string LogUrl);
