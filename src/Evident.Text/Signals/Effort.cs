namespace Evident.Text.Signals;

/// <summary>
/// Customer effort read from friction, in [0, 1): 0 when none, rising with each kind met and with the length of a
/// stated wait. Each kind's weight reflects how much work it puts on the customer (a repeat contact costs more
/// than a phone menu); see docs/language-engine.md.
/// </summary>
public static class Effort
{
    public static double Weight(string kind) => kind switch
    {
        "repeat-contact" => 1.5,
        "transfer" => 1.2,
        "process-burden" => 1.2,
        "channel-switch" => 1.0,
        "broken-promise" => 1.0,
        "unresolved" => 1.0,
        "wait" => 0.8,
        "automation" => 0.8,
        _ => 0.5,
    };

    public static double Score(IReadOnlyList<FrictionHit> friction)
    {
        double load = 0;
        for (int i = 0; i < friction.Count; i++) // indexed: a foreach over the interface makes an enumerator per text
        {
            var hit = friction[i];
            load += Weight(hit.Kind);
            if (hit.Minutes is double minutes)
            {
                load += Math.Min(1.5, Math.Log2(1 + minutes / 30) / 2); // an hour adds 0.8, a day 1.5
            }
        }
        return Math.Round(1 - Math.Exp(-load / 2.5), 3);
    }
}
