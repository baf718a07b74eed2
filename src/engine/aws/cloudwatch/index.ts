/** CloudWatch's API actions, registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { deleteAlarms, describeAlarms, describeAlarmsForMetric, disableAlarmActions, enableAlarmActions, setAlarmState } from './alarms';
import { describeAlarmHistory } from './history';
import { getMetricData, getMetricStatistics, listMetrics, putMetricData } from './metric-data';
import { putMetricAlarm } from './put-alarm';

export { putDatapoint } from './store';

export const cloudwatchActions: Record<string, Action> = {
  'cloudwatch:PutMetricData': putMetricData,
  'cloudwatch:GetMetricStatistics': getMetricStatistics,
  'cloudwatch:GetMetricData': getMetricData,
  'cloudwatch:ListMetrics': listMetrics,
  'cloudwatch:PutMetricAlarm': putMetricAlarm,
  'cloudwatch:DescribeAlarms': describeAlarms,
  'cloudwatch:DescribeAlarmsForMetric': describeAlarmsForMetric,
  'cloudwatch:DeleteAlarms': deleteAlarms,
  'cloudwatch:SetAlarmState': setAlarmState,
  'cloudwatch:DescribeAlarmHistory': describeAlarmHistory,
  'cloudwatch:EnableAlarmActions': enableAlarmActions,
  'cloudwatch:DisableAlarmActions': disableAlarmActions,
};
