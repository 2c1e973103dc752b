import ArgumentParser
import Foundation

/// How `spendtop` ends on an error from the argument parser: usage errors as one line.
///
/// swift-argument-parser prints `Error: …` followed by a usage block; spendtop's contract (README,
/// "Errors and exit codes") is `spendtop: MESSAGE` on stderr and exit 64. Help and version requests
/// and the exit codes commands throw after printing their own message keep the parser's handling.
enum UsageErrors {
  // MARK: - Exiting

  /// Prints `error` as spendtop does and exits with its code.
  static func exit(with error: any Error) -> Never {
    let code = Spendtop.exitCode(for: error)
    guard code == .validationFailure, !(error is ExitCode) else { Spendtop.exit(withError: error) }
    let command = commandPath(Array(CommandLine.arguments.dropFirst()))
    FileHandle.standardError.write(Data(text(message: Spendtop.message(for: error), command: command).utf8))
    Foundation.exit(code.rawValue)
  }

  // MARK: - Text

  /// `spendtop: MESSAGE` on one line, then `see 'COMMAND --help'`.
  static func text(message: String, command: String) -> String {
    let oneLine = message.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
    return "spendtop: \(oneLine)\nsee '\(command) --help'\n"
  }

  /// The command the arguments name (`spendtop report compare`): the leading arguments that are
  /// subcommand names, each of the one before.
  static func commandPath(_ arguments: [String]) -> String {
    var command: any ParsableCommand.Type = Spendtop.self
    var names = ["spendtop"]
    for argument in arguments {
      guard
        let subcommand = command.configuration.subcommands.first(where: {
          $0.configuration.commandName == argument
        })
      else { break }
      names.append(argument)
      command = subcommand
    }
    return names.joined(separator: " ")
  }
}
