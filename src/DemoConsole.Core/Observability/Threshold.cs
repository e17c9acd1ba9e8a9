namespace DemoConsole.Core.Observability;

/// <summary>A value above <see cref="Caution"/> is a caution, above <see cref="Danger"/> a danger.</summary>
public sealed record Threshold(double Caution, double Danger)
{
    public SignalLevel Judge(double? value) => value switch
    {
        null => SignalLevel.NoData,
        { } v when double.IsNaN(v) => SignalLevel.NoData,
        { } v when v > Danger => SignalLevel.Danger,
        { } v when v > Caution => SignalLevel.Caution,
        _ => SignalLevel.Normal,
    };
}
