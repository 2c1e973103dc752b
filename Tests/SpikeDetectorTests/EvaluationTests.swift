import SpikeDetector
import SpikeEvaluation
import Testing

@Suite("Evaluation on generated bills")
struct EvaluationTests {
  /// Seeds 7000–7011 are never used for development (which used 1000–1019 and 2000–2019).
  static let seeds: [UInt64] = Array(7000..<7012)

  @Test("the detector meets its targets on held-out generated bills")
  func targets() {
    let evaluation = Evaluation(seeds: EvaluationTests.seeds)
    #expect(evaluation.outcomes.count >= 60)
    #expect(evaluation.recall >= 0.95)
    #expect(evaluation.f1 >= 0.95, "\(evaluation.table(title: "held-out"))")
    #expect(evaluation.rootCauseAccuracy >= 0.95)
    #expect(evaluation.monthStartFalseAlarms == 0)
    #expect(evaluation.medianDelay == 0)
    #expect(evaluation.asOfConsistency == 1)
  }

  @Test("generation is deterministic")
  func deterministic() {
    let first = BillGenerator().generate(seed: 5)
    let second = BillGenerator().generate(seed: 5)
    #expect(first.labels == second.labels)
    #expect(first.cube.rows == second.cube.rows)
  }
}
