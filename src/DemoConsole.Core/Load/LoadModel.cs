namespace DemoConsole.Core.Load;

/// <summary>How a load run decides when to send the next request.</summary>
public enum LoadModel
{
    /// <summary>Requests start on a fixed schedule (<see cref="LoadPlan.Rate"/>) whether or not earlier ones returned.</summary>
    Open,

    /// <summary><see cref="LoadPlan.Connections"/> workers, each sending as soon as its previous response returned.</summary>
    Closed,

    /// <summary><see cref="LoadPlan.Count"/> requests <see cref="LoadPlan.Interval"/> apart, each reported as a line.</summary>
    Sequence,

    /// <summary>Background traffic: one request every <see cref="LoadPlan.Interval"/> until stopped.</summary>
    Steady,
}
