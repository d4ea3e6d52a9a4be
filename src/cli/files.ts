/**
 * Output files that never destroy an input.
 *
 * - An output is compared with every input by its real path (fs.realpath: symlinks resolved) and
 *   by device + inode (fs.stat: hardlinks, case-insensitive file systems, bind mounts).
 * - An existing file is replaced only with --force; a folder, a device or a pipe never.
 * - Writes go to a temporary file in the same folder, then a rename: a failed run leaves the old
 *   file (or nothing) in place, never half a file.
 */
import { randomBytes } from "node:crypto";
import { Stats } from "node:fs";
import { lstat, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileSystemError } from "../xlsx/read-file";
import { UsageError } from "./args";

export interface NamedPath {
  path: string;
  /** How the messages name it: 工作簿 / workbook, 文稿 / draft, … */
  zh: string;
  en: string;
}

interface Identity {
  real: string;
  dev: number;
  ino: number;
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.dev === b.dev && a.ino === b.ino && a.ino !== 0);
}

async function identity(path: string): Promise<Identity | undefined> {
  let info: Stats;
  let real: string;
  try {
    info = await stat(path);
    real = await realpath(path);
  } catch {
    return undefined; // a missing input is reported when it is read
  }
  return { real, dev: info.dev, ino: info.ino };
}

function asUsageError(error: unknown, path: string, action: "read" | "write"): UsageError {
  const line = fileSystemError(error, path, action);
  return new UsageError(line.zh, line.en);
}

/** Where an output will be written, once it has been checked against the inputs. */
export interface OutputTarget {
  /** The path given on the command line, for messages. */
  given: string;
  /** The file that is written: the real path of an existing file, else the path given. */
  path: string;
}

/**
 * Checks every output against every input and against each other; throws UsageError (exit 2)
 * when an output is an input, is a folder or a device, lies in a missing folder, or exists
 * without `force`.
 */
export async function checkOutputs(
  inputs: NamedPath[],
  outputs: NamedPath[],
  force: boolean
): Promise<OutputTarget[]> {
  const known = (await Promise.all(inputs.map((i) => identity(i.path)))).map((id, i) => ({
    id,
    input: inputs[i],
  }));
  const targets: { target: OutputTarget; id: Identity }[] = [];
  for (const output of outputs) {
    const { target, id, exists } = await checkOutput(output);
    for (const { id: inputId, input } of known) {
      if (inputId && sameFile(id, inputId))
        throw new UsageError(
          `${output.zh}“${output.path}”就是输入的${input.zh}“${input.path}”，不能覆盖，请换一个文件名`,
          `the ${output.en} ${output.path} is the input ${input.en} ${input.path}; choose another file name`
        );
    }
    for (const other of targets) {
      if (sameFile(id, other.id))
        throw new UsageError(
          `两个输出是同一个文件“${output.path}”，请换一个文件名`,
          `two outputs name the same file ${output.path}`
        );
    }
    if (exists && !force)
      throw new UsageError(
        `${output.zh}“${output.path}”已存在；要替换它请加 --force，或换一个文件名`,
        `${output.path} already exists; add --force to replace it, or choose another name`
      );
    targets.push({ target, id });
  }
  return targets.map((t) => t.target);
}

async function checkOutput(
  output: NamedPath
): Promise<{ target: OutputTarget; id: Identity; exists: boolean }> {
  const given = output.path;
  let link: Stats | undefined;
  try {
    link = await lstat(given);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      throw asUsageError(error, given, "write");
  }
  if (link) {
    let info: Stats | undefined;
    try {
      info = await stat(given);
    } catch (error) {
      // A dangling symlink is an existing name; anything else (a loop) is an error.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT")
        throw asUsageError(error, given, "write");
    }
    if (info?.isDirectory())
      throw new UsageError(
        `“${given}”是文件夹，请给出${output.zh}的文件名`,
        `${given} is a folder; give a file name for the ${output.en}`
      );
    if (info && !info.isFile())
      throw new UsageError(
        `“${given}”不是普通文件（设备或管道），不能作为${output.zh}`,
        `${given} is not a regular file (a device or a pipe) and cannot be the ${output.en}`
      );
    if (info) {
      const real = await realpath(given).catch((error: unknown) => {
        throw asUsageError(error, given, "write");
      });
      return {
        target: { given, path: real },
        id: { real, dev: info.dev, ino: info.ino },
        exists: true,
      };
    }
  }
  // A new file (or a dangling link replaced): its folder must exist.
  const folder = dirname(resolve(given));
  let folderInfo: Stats;
  try {
    folderInfo = await stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UsageError(
        `${output.zh}所在的文件夹“${folder}”不存在`,
        `the folder of the ${output.en} does not exist: ${folder}`
      );
    throw asUsageError(error, folder, "write");
  }
  if (!folderInfo.isDirectory())
    throw new UsageError(
      `“${folder}”不是文件夹，无法在其中写入${output.zh}`,
      `${folder} is not a folder; cannot write the ${output.en} there`
    );
  const realFolder = await realpath(folder).catch((error: unknown) => {
    throw asUsageError(error, folder, "write");
  });
  const real = join(realFolder, basename(given));
  return {
    target: { given, path: resolve(given) },
    id: { real, dev: -1, ino: 0 },
    exists: link !== undefined,
  };
}

/**
 * Writes `data` to a temporary file next to `target` and renames it over the target. The
 * temporary file is removed when anything fails, so nothing half-written is left behind.
 */
export async function writeOutput(target: OutputTarget, data: string | Uint8Array): Promise<void> {
  const folder = dirname(target.path);
  const temp = join(folder, `.${basename(target.path)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, "wx", 0o644);
  } catch (error) {
    throw asUsageError(error, target.given, "write");
  }
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target.path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw asUsageError(error, target.given, "write");
  }
}
