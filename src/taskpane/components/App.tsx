import * as React from "react";
import { Body1, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";

export interface AppProps {
  title: string;
  /** The Office host reported by Office.onReady ("Excel"), or null when running outside Office. */
  host: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  status: {
    color: tokens.colorNeutralForeground3,
  },
});

const App: React.FC<AppProps> = ({ title, host }) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{title}</Title2>
      <Body1>识别工作簿中的指标表，校验数据，并生成公文风格的报告段落。</Body1>
      <Caption1 className={styles.status} data-testid="host-status">
        {host ? `已连接：${host}` : "未在 Office 中运行（预览模式）"}
      </Caption1>
    </main>
  );
};

export default App;
